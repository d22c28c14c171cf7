package io.noticemailer.job;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;

/**
 * Renders every cohort's template once before anything is sent, with every input column present, so a
 * template that names a missing variable or drops the code from the subject stops the run (exit 2).
 */
public final class TemplateCheck {

    static final String SAMPLE_CODE = "XX-0000-0000";

    private TemplateCheck() {
    }

    public static void renderAll(JobFile job, NoticeRenderer renderer, List<String> headers) {
        Map<String, String> fields = new LinkedHashMap<>();
        headers.forEach(h -> fields.put(h, "サンプル"));
        job.cohorts().forEach((cohort, template) -> renderer.render(template, NoticeModel.of(job.campaign(), "sample",
                "サンプル", "sample@example.invalid", cohort, SAMPLE_CODE, job.hotline(), fields)));
    }
}
