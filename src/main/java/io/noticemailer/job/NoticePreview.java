package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.LedgerQueries;
import io.noticemailer.message.DkimKeyException;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;

/**
 * The message one customer gets, built exactly as the send step builds it: from the ledger when the
 * customer is imported (real management code and Message-ID), else from the input with a sample code.
 */
@Service
public class NoticePreview {

    private final LedgerQueries queries;
    private final InputReader inputReader;
    private final ManagementCodes codes;
    private final Session mailSession;
    private final Clock clock;

    NoticePreview(LedgerQueries queries, InputReader inputReader, ManagementCodes codes, Session mailSession, Clock clock) {
        this.queries = queries;
        this.inputReader = inputReader;
        this.codes = codes;
        this.mailSession = mailSession;
        this.clock = clock;
    }

    public record Preview(MimeMessage message, boolean fromLedger) {
    }

    public Preview of(JobFile job, String customerId, Supplier<Path> input) {
        Optional<Delivery> delivery = queries.byCustomer(job.campaign(), customerId);
        if (delivery.isPresent()) {
            Delivery d = delivery.get();
            return new Preview(build(job, d.customerId(), d.name(), d.email(), d.cohort(), d.managementCode(), d.fields()), true);
        }
        InputRow row = findInInput(job, customerId, input.get());
        String code = row.managementCode() != null ? row.managementCode() : codes.generate(job.managementCode().prefix());
        return new Preview(build(job, row.customerId(), row.name(), row.email(), row.cohort(), code, row.fields()), false);
    }

    private MimeMessage build(JobFile job, String customerId, String name, String email, String cohort, String code,
                              java.util.Map<String, String> fields) {
        String template = job.templateFor(cohort);
        if (template == null) {
            throw new UsageException("customer " + customerId + " is in cohort '" + cohort + "', which has no template");
        }
        RenderedNotice notice = new NoticeRenderer(job.templates()).render(template,
                NoticeModel.of(job.campaign(), customerId, name, email, cohort, code, job.hotline(), fields));
        MessageComposer composer;
        try {
            composer = MessageComposer.forJob(mailSession, job);
        } catch (DkimKeyException e) {
            throw new UsageException(e.getMessage());
        }
        return composer.compose(email, notice, MessageIds.forDelivery(job.campaign(), customerId, job.sender().domain()),
                clock.instant());
    }

    private InputRow findInInput(JobFile job, String customerId, Path input) {
        InputRow row = inputReader.find(input, job.input(), job.cohorts().keySet(), customerId).orElseThrow(
                () -> new UsageException("customer " + customerId + " is neither in the ledger nor in " + input));
        if (!row.valid()) {
            throw new UsageException("customer " + customerId + " would not be sent: " + row.problem());
        }
        return row;
    }
}
