package io.noticemailer.job;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.lint.LintFinding;
import io.noticemailer.lint.NoticeLint;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;

/**
 * What runs before anything is sent: the template lint, then every cohort's template rendered once with every
 * input column present. A lint error, a template that names a missing variable or drops the code from the
 * subject stops the run (exit 2); lint warnings are logged and the run goes on.
 */
public final class TemplateCheck {

    static final String SAMPLE_CODE = "XX-0000-0000";
    private static final Logger log = LoggerFactory.getLogger(TemplateCheck.class);
    private static final int ERRORS_IN_MESSAGE = 3;

    private TemplateCheck() {
    }

    public static void renderAll(JobFile job, NoticeRenderer renderer, List<String> headers) {
        NoticeLint lint = new NoticeLint(job);
        Set<LintFinding> findings = new LinkedHashSet<>(lint.campaign());
        stopOnErrors(findings);
        Map<String, String> fields = new LinkedHashMap<>();
        headers.forEach(h -> fields.put(h, "サンプル"));
        String code = sampleCode(job);
        job.cohorts().forEach((cohort, template) -> {
            RenderedNotice notice = renderer.render(template, NoticeModel.of(job.campaign(), "sample",
                    "サンプル", "sample@example.invalid", cohort, code, job.hotline(), fields));
            findings.addAll(lint.rendered(template, notice, code));
        });
        stopOnErrors(findings);
        findings.forEach(warning -> log.warn("lint warning: {}", warning));
    }

    /** A code as long as the real ones, so that the subject's width is what customers will see. */
    static String sampleCode(JobFile job) {
        String prefix = job.managementCode().prefix();
        return prefix == null ? SAMPLE_CODE : prefix + "-0000-0000";
    }

    private static void stopOnErrors(Set<LintFinding> findings) {
        List<LintFinding> errors = new ArrayList<>(findings.stream().filter(LintFinding::isError).toList());
        if (errors.isEmpty()) {
            return;
        }
        String shown = errors.stream().limit(ERRORS_IN_MESSAGE).map(LintFinding::toString)
                .collect(Collectors.joining("; "));
        String more = errors.size() > ERRORS_IN_MESSAGE ? "; and " + (errors.size() - ERRORS_IN_MESSAGE) + " more" : "";
        throw new UsageException("template lint: " + errors.size() + (errors.size() == 1 ? " error" : " errors")
                + ", nothing sent (validate lists every finding): " + shown + more);
    }
}
