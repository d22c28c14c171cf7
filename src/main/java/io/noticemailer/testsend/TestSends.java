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
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.job.SmtpSettings;
import io.noticemailer.job.UsageException;
import io.noticemailer.ledger.AddressMask;
import io.noticemailer.message.DkimKeyException;
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
import io.noticemailer.smtp.SmtpSessions;

/**
 * {@code test-send}: each cohort's notice sent to an internal address so that people can read it on real phones
 * before the campaign, composed exactly as the run composes it (the job's charset and DKIM signature, its EHLO name
 * and envelope sender). By default it is rendered with sample values, never a customer's: every input column
 * holds its own name in brackets ({@code [氏名]}), so no customer's name or data reaches a staff phone and every
 * variable can be seen in place. {@code --customer ID} renders that customer's row instead, on purpose. The
 * subject starts with {@value #MARK}; the management code is a fresh sample (no customer has it) and the
 * Message-ID a new one. Nothing is read from or written to the ledger.
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

    /** What to send: where the message goes, which cohort, and a customer's row instead of sample values. */
    public record Request(JobFile job, Path input, String to, String cohort, String customerId, Path outbox) {
    }

    /** What happened to one cohort's test message; {@code line} is 0 for sample values, else the customer's input line. */
    public record Sent(String cohort, long line, String messageId, SendResult result) {
    }

    public List<Sent> send(Request request) {
        JobFile job = request.job();
        if (request.cohort() != null && !job.cohorts().containsKey(request.cohort())) {
            throw new UsageException("--cohort " + request.cohort() + " is not a cohort of " + job.path() + " (cohorts: "
                    + String.join(", ", job.cohorts().keySet()) + ")");
        }
        if (request.outbox() == null && !smtp.configured()) {
            throw new UsageException("no SMTP relay configured: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT …) or give --outbox DIR");
        }
        Map<String, Sample> samples = request.customerId() != null ? customer(request) : synthetic(request);
        NoticeRenderer renderer = new NoticeRenderer(job.templates());
        MessageComposer composer = composer(job);
        List<Sent> sent = new ArrayList<>();
        try (MailTransport transport = transport(job, request.outbox())) {
            samples.forEach((cohort, sample) -> sent.add(sendOne(job, cohort, sample, request.to(), renderer, composer, transport)));
        }
        return sent;
    }

    private Sent sendOne(JobFile job, String cohort, Sample sample, String to, NoticeRenderer renderer,
                         MessageComposer composer, MailTransport transport) {
        String code = codes.generate(job.managementCode().prefix());
        RenderedNotice notice = renderer.render(job.templateFor(cohort), NoticeModel.of(job.campaign(), sample.customerId(),
                sample.name(), sample.email(), cohort, code, job.hotline(), sample.fields()));
        String messageId = MessageIds.forDelivery(job.campaign() + "/test-send", UUID.randomUUID().toString(),
                job.sender().domain());
        MimeMessage message;
        try {
            message = composer.compose(to, new RenderedNotice(MARK + notice.subject(), notice.body()), messageId, clock.instant());
        } catch (MessageException e) {
            throw new UsageException("--to: " + e.getMessage());
        }
        SendResult result = transport.send(message, to);
        log.info("test-send campaign={} cohort={} to={} outcome={}", job.campaign(), cohort, AddressMask.mask(to),
                result.outcome());
        return new Sent(cohort, sample.line(), messageId, result);
    }

    /** The run's composer: the job's charset and DKIM key (an unusable key is a configuration error, exit 2). */
    private MessageComposer composer(JobFile job) {
        try {
            return MessageComposer.forJob(mailSession, job);
        } catch (DkimKeyException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** As the run's transports: the job's EHLO name (sender.ehlo) on every connection. */
    private MailTransport transport(JobFile job, Path outbox) {
        if (outbox != null) {
            return new OutboxTransport(outbox);
        }
        return new SmtpMailTransport(SmtpSessions.forSender(mailSession, job.sender()), smtp.host(), smtp.portOrDefault(),
                smtp.username(), smtp.password());
    }

    /** For each wanted cohort, every input column (by the input's header) holding its own name in brackets. */
    private Map<String, Sample> synthetic(Request request) {
        JobFile job = request.job();
        Map<String, String> fields = new LinkedHashMap<>();
        for (String column : inputReader.headers(request.input(), job.input(), job.cohorts().keySet())) {
            fields.put(column, "[" + column + "]");
        }
        Map<String, Sample> samples = new LinkedHashMap<>();
        for (String cohort : job.cohorts().keySet()) {
            if (request.cohort() == null || request.cohort().equals(cohort)) {
                Map<String, String> cohortFields = new LinkedHashMap<>(fields);
                cohortFields.put(job.input().columns().cohort(), cohort);
                samples.put(cohort, new Sample(0, sampleValue(fields, job.input().columns().customerId()),
                        sampleValue(fields, job.input().columns().name()), sampleValue(fields, job.input().columns().email()),
                        cohortFields));
            }
        }
        return samples;
    }

    private static String sampleValue(Map<String, String> fields, String column) {
        return fields.getOrDefault(column, "[" + column + "]");
    }

    /** The row of {@code --customer}, which the operator chose to send to the internal address. */
    private Map<String, Sample> customer(Request request) {
        JobFile job = request.job();
        InputRow row = inputReader.find(request.input(), job.input(), job.cohorts().keySet(), request.customerId())
                .orElseThrow(() -> new UsageException("--customer " + request.customerId() + ": not in " + request.input()));
        if (!row.valid()) {
            throw new UsageException("--customer " + request.customerId() + " would not be sent: " + row.problem());
        }
        if (request.cohort() != null && !request.cohort().equals(row.cohort())) {
            throw new UsageException("--customer " + request.customerId() + " is in cohort " + row.cohort() + ", not "
                    + request.cohort());
        }
        return Map.of(row.cohort(), new Sample(row.line(), row.customerId(), row.name(), row.email(), row.fields()));
    }

    /** The values one test message is rendered with. */
    private record Sample(long line, String customerId, String name, String email, Map<String, String> fields) {

        @Override
        public String toString() {
            return "Sample[line=" + line + ", customerId=" + customerId + "]";
        }
    }
}
