package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.EarlierCampaigns;
import io.noticemailer.input.InputFile;
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.ledger.ImportStore;
import io.noticemailer.lint.NoticeLint;
import io.noticemailer.message.DkimKeyException;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageException;
import io.noticemailer.message.MessageIds;
import io.noticemailer.message.MessageSettings;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderException;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.smtp.SmtpSessions;

/**
 * Checks a campaign without sending or recording anything: the template lint, every input row against the rules
 * and every customer's values against the charset, each cohort's template against its first valid row, and with
 * {@code composeAll} (run --dry-run) every valid row rendered and composed into a message. Codes are samples:
 * real ones are made at import. Rows whose customers earlier campaigns cover ({@code previousCampaigns}) are
 * listed as the import will leave them out, looked up in the ledger a batch of rows at a time.
 */
@Service
public class CampaignCheck {

    private static final int LOOKUP_BATCH = 500;

    private final InputReader inputReader;
    private final ManagementCodes codes;
    private final Clock clock;
    private final SmtpSettings smtp;
    private final ImportStore store;
    private final PreviousCampaigns previousCampaigns;

    CampaignCheck(InputReader inputReader, ManagementCodes codes, Clock clock, SmtpSettings smtp, ImportStore store,
                  PreviousCampaigns previousCampaigns) {
        this.inputReader = inputReader;
        this.codes = codes;
        this.clock = clock;
        this.smtp = smtp;
        this.store = store;
        this.previousCampaigns = previousCampaigns;
    }

    public CheckReport check(JobFile job, Path input, boolean composeAll) {
        previousCampaigns.check(job);
        NoticeRenderer renderer = new NoticeRenderer(job.templates());
        NoticeLint lint = new NoticeLint(job);
        CheckTally tally = new CheckTally();
        tally.add(lint.campaign());
        tally.add(lint.ehlo(smtp.propertiesOrEmpty()));
        MessageComposer composer = composer(job, tally);
        try (InputFile file = inputReader.open(input, job.input(), job.cohorts().keySet())) {
            Rows rows = new Rows(job, renderer, composer, lint, composeAll, tally);
            EarlierCampaigns earlier = new EarlierCampaigns(store, job.previousCampaigns());
            List<InputRow> batch = new ArrayList<>(LOOKUP_BATCH);
            while (file.hasNext()) {
                batch.add(file.next());
                if (batch.size() == LOOKUP_BATCH || !file.hasNext()) {
                    Map<Long, EarlierCampaigns.Exclusion> excluded = earlier.excluded(batch);
                    batch.forEach(row -> rows.check(row, excluded.get(row.line())));
                    batch.clear();
                }
            }
            rows.noteLeftOut();
            return tally.report(job.campaign(), input.toString(), file.charset().name());
        }
    }

    /** The composer the run will use, or null when its DKIM key is unusable (already a lint error). */
    private static MessageComposer composer(JobFile job, CheckTally tally) {
        try {
            MessageSettings settings = MessageSettings.forJob(job);
            if (settings.dkim() != null) {
                tally.note("DKIM: every message is signed with d=" + job.dkim().domain() + " s=" + job.dkim().selector()
                        + " (" + settings.dkim().keyBits() + "-bit RSA); publish this TXT record at "
                        + settings.dkim().dnsName() + ": " + settings.dkim().dnsRecord());
            }
            return new MessageComposer(SmtpSessions.create(new Properties()), settings);
        } catch (DkimKeyException e) {
            return null;
        }
    }

    /** Row by row; every customer's values go through the lint, the first row of each cohort renders its template. */
    private final class Rows {
        private final JobFile job;
        private final NoticeRenderer renderer;
        private final MessageComposer composer;
        private final NoticeLint lint;
        private final boolean composeAll;
        private final CheckTally tally;
        private final Map<String, Long> firstLine = new HashMap<>();
        private final Set<String> rendered = new HashSet<>();
        private long leftOut;

        Rows(JobFile job, NoticeRenderer renderer, MessageComposer composer, NoticeLint lint, boolean composeAll,
             CheckTally tally) {
            this.job = job;
            this.renderer = renderer;
            this.composer = composer;
            this.lint = lint;
            this.composeAll = composeAll;
            this.tally = tally;
        }

        void check(InputRow row, EarlierCampaigns.Exclusion earlier) {
            if (!row.hasCustomerId()) {
                tally.rejected(row.problem() + " (line rejected)");
                return;
            }
            if (earlier != null) {
                leftOut++;
                tally.rejected(earlier.reason() + " (line rejected)");
                return;
            }
            Long first = firstLine.putIfAbsent(row.customerId(), row.line());
            if (first != null) {
                tally.rejected("line " + row.line() + ": customer id already on line " + first + " (line rejected)");
            } else if (!row.valid()) {
                tally.invalid(row.problem());
            } else {
                tally.ready(row.cohort());
                row.fields().forEach((field, value) -> tally.addValueFindings(lint.value(row.line(), field, value)));
                boolean firstOfCohort = rendered.add(row.cohort());
                if (firstOfCohort || composeAll) {
                    render(row, firstOfCohort);
                }
            }
        }

        void noteLeftOut() {
            if (!job.previousCampaigns().isEmpty()) {
                tally.note(leftOut + " lines left out: their customers were notified, may have been, or are still to be"
                        + " by " + String.join(", ", job.previousCampaigns()) + " (previousCampaigns)");
            }
        }

        private void render(InputRow row, boolean firstOfCohort) {
            String code = row.managementCode() != null ? row.managementCode() : codes.generate(job.managementCode().prefix());
            String template = job.templateFor(row.cohort());
            try {
                RenderedNotice notice = renderer.render(template, NoticeModel.of(job.campaign(), row.customerId(),
                        row.name(), row.email(), row.cohort(), code, job.hotline(), row.fields()));
                if (firstOfCohort) {
                    tally.add(lint.rendered(template, notice, code));
                }
                if (composeAll && composer != null) {
                    composer.compose(row.email(), notice, MessageIds.forDelivery(job.campaign(), row.customerId(),
                            job.sender().domain()), clock.instant());
                    tally.composed();
                }
            } catch (RenderException | MessageException e) {
                tally.renderProblem(firstOfCohort, "line " + row.line() + ": " + e.getMessage());
            }
        }
    }
}
