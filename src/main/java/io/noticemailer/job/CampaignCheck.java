package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.InputFile;
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderException;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.smtp.SmtpSessions;

/**
 * Checks a campaign without sending or recording anything: every input row against the rules, each
 * cohort's template against its first valid row, and with {@code composeAll} (run --dry-run) every
 * valid row rendered and composed into a message. Codes are samples: real ones are made at import.
 */
@Service
public class CampaignCheck {

    private final InputReader inputReader;
    private final ManagementCodes codes;
    private final Clock clock;

    CampaignCheck(InputReader inputReader, ManagementCodes codes, Clock clock) {
        this.inputReader = inputReader;
        this.codes = codes;
        this.clock = clock;
    }

    public CheckReport check(JobFile job, Path input, boolean composeAll) {
        NoticeRenderer renderer = new NoticeRenderer(job.templates());
        MessageComposer composer = new MessageComposer(SmtpSessions.create(new Properties()), job.sender(), job.zone());
        Tally tally = new Tally();
        try (InputFile file = inputReader.open(input, job.input(), job.cohorts().keySet())) {
            while (file.hasNext()) {
                check(job, file.next(), renderer, composer, composeAll, tally);
            }
            return new CheckReport(job.campaign(), input.toString(), file.charset().name(), tally.ready, tally.invalid,
                    tally.rejected, tally.composed, tally.rowProblems, tally.templateProblems);
        }
    }

    private void check(JobFile job, InputRow row, NoticeRenderer renderer, MessageComposer composer, boolean composeAll,
                       Tally tally) {
        if (!row.hasCustomerId()) {
            tally.rejected++;
            tally.rowProblems.add(row.problem() + " (line rejected)");
            return;
        }
        Long first = tally.firstLine.putIfAbsent(row.customerId(), row.line());
        if (first != null) {
            tally.rejected++;
            tally.rowProblems.add("line " + row.line() + ": customer id already on line " + first + " (line rejected)");
        } else if (!row.valid()) {
            tally.invalid++;
            tally.rowProblems.add(row.problem());
        } else {
            tally.ready.merge(row.cohort(), 1L, Long::sum);
            boolean firstOfCohort = tally.rendered.add(row.cohort());
            if (firstOfCohort || composeAll) {
                render(job, row, renderer, composer, composeAll, firstOfCohort, tally);
            }
        }
    }

    private void render(JobFile job, InputRow row, NoticeRenderer renderer, MessageComposer composer, boolean compose,
                        boolean firstOfCohort, Tally tally) {
        String code = row.managementCode() != null ? row.managementCode() : codes.generate(job.managementCode().prefix());
        try {
            RenderedNotice notice = renderer.render(job.templateFor(row.cohort()), NoticeModel.of(job.campaign(),
                    row.customerId(), row.name(), row.email(), row.cohort(), code, job.hotline(), row.fields()));
            if (compose) {
                composer.compose(row.email(), notice, MessageIds.forDelivery(job.campaign(), row.customerId(),
                        job.sender().domain()), clock.instant());
                tally.composed++;
            }
        } catch (RenderException e) {
            (firstOfCohort ? tally.templateProblems : tally.rowProblems).add("line " + row.line() + ": " + e.getMessage());
        }
    }

    private static final class Tally {
        final Map<String, Long> ready = new TreeMap<>();
        final Map<String, Long> firstLine = new HashMap<>();
        final java.util.Set<String> rendered = new java.util.HashSet<>();
        final List<String> rowProblems = new ArrayList<>();
        final List<String> templateProblems = new ArrayList<>();
        long invalid;
        long rejected;
        long composed;
    }
}
