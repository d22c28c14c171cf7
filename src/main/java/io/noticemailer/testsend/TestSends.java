package io.noticemailer.testsend;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.InputFile;
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.job.SmtpSettings;
import io.noticemailer.job.UsageException;
import io.noticemailer.ledger.AddressMask;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageException;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.send.MailTransport;
import io.noticemailer.send.SendResult;
import io.noticemailer.smtp.OutboxTransport;
import io.noticemailer.smtp.SmtpMailTransport;

/**
 * {@code test-send}: each cohort's notice, rendered for the first valid row of that cohort in the input, sent
 * to an internal address so that people can read it on real phones before the campaign. The subject starts
 * with {@value #MARK}; the management code is a fresh sample (no customer has it) and the Message-ID a new
 * one. Nothing is read from or written to the ledger.
 */
@Service
public class TestSends {

    static final String MARK = "[TEST] ";
    private static final Logger log = LoggerFactory.getLogger(TestSends.class);

    private final InputReader inputReader;
    private final ManagementCodes codes;
    private final Session mailSession;
    private final SmtpSettings smtp;
    private final Clock clock;

    TestSends(InputReader inputReader, ManagementCodes codes, Session mailSession, SmtpSettings smtp, Clock clock) {
        this.inputReader = inputReader;
        this.codes = codes;
        this.mailSession = mailSession;
        this.smtp = smtp;
        this.clock = clock;
    }

    /** What happened to one cohort's test message; {@code line} is 0 when the input had no valid row for it. */
    public record Sent(String cohort, long line, String messageId, SendResult result) {
    }

    public List<Sent> send(JobFile job, Path input, String to, String onlyCohort, Path outbox) {
        if (onlyCohort != null && !job.cohorts().containsKey(onlyCohort)) {
            throw new UsageException("--cohort " + onlyCohort + " is not a cohort of " + job.path() + " (cohorts: "
                    + String.join(", ", job.cohorts().keySet()) + ")");
        }
        if (outbox == null && !smtp.configured()) {
            throw new UsageException("no SMTP relay configured: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT …) or give --outbox DIR");
        }
        Map<String, InputRow> samples = samples(job, input, onlyCohort);
        NoticeRenderer renderer = new NoticeRenderer(job.templates());
        MessageComposer composer = new MessageComposer(mailSession, job.sender(), job.zone());
        List<Sent> sent = new ArrayList<>();
        try (MailTransport transport = outbox != null ? new OutboxTransport(outbox)
                : new SmtpMailTransport(mailSession, smtp.host(), smtp.portOrDefault(), smtp.username(), smtp.password())) {
            for (Map.Entry<String, InputRow> sample : samples.entrySet()) {
                sent.add(sendOne(job, sample.getKey(), sample.getValue(), to, renderer, composer, transport));
            }
        }
        return sent;
    }

    private Sent sendOne(JobFile job, String cohort, InputRow row, String to, NoticeRenderer renderer,
                         MessageComposer composer, MailTransport transport) {
        String code = codes.generate(job.managementCode().prefix());
        Map<String, String> fields = row != null ? row.fields() : Map.of();
        RenderedNotice notice = renderer.render(job.templateFor(cohort), NoticeModel.of(job.campaign(),
                row != null ? row.customerId() : "sample", row != null ? row.name() : "サンプル", to, cohort, code,
                job.hotline(), fields));
        String messageId = MessageIds.forDelivery(job.campaign() + "/test-send", UUID.randomUUID().toString(),
                job.sender().domain());
        MimeMessage message;
        try {
            message = composer.compose(to, new RenderedNotice(MARK + notice.subject(), notice.body()), messageId,
                    clock.instant());
        } catch (MessageException e) {
            throw new UsageException("--to: " + e.getMessage());
        }
        SendResult result = transport.send(message, to);
        log.info("test-send campaign={} cohort={} to={} outcome={}", job.campaign(), cohort, AddressMask.mask(to),
                result.outcome());
        return new Sent(cohort, row != null ? row.line() : 0, messageId, result);
    }

    /** The first valid row of each wanted cohort, in one pass that stops once every cohort has one. */
    private Map<String, InputRow> samples(JobFile job, Path input, String onlyCohort) {
        Map<String, InputRow> samples = new LinkedHashMap<>();
        List<String> wanted = onlyCohort != null ? List.of(onlyCohort) : List.copyOf(job.cohorts().keySet());
        wanted.forEach(cohort -> samples.put(cohort, null));
        try (InputFile file = inputReader.open(input, job.input(), job.cohorts().keySet())) {
            long missing = wanted.size();
            while (missing > 0 && file.hasNext()) {
                InputRow row = file.next();
                if (row.valid() && samples.containsKey(row.cohort()) && samples.get(row.cohort()) == null) {
                    samples.put(row.cohort(), row);
                    missing--;
                }
            }
        }
        return samples;
    }
}
