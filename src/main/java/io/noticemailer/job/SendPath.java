package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import jakarta.mail.Session;

import org.springframework.stereotype.Component;

import io.github.bucket4j.TimeMeter;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.LedgerQueries;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.send.MailTransport;
import io.noticemailer.send.NoticePreparer;
import io.noticemailer.send.NoticeSender;
import io.noticemailer.send.OutcomePolicy;
import io.noticemailer.send.Pacing;
import io.noticemailer.send.RunStop;
import io.noticemailer.send.SendEvents;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SendWorkers;
import io.noticemailer.smtp.OutboxTransport;
import io.noticemailer.smtp.SmtpMailTransport;
import io.noticemailer.smtp.SmtpSessions;
import io.noticemailer.throttle.StoppableParking;
import io.noticemailer.throttle.Throttle;

/**
 * Builds the send step's writer with its throttle and its {@code throttle.connections} workers. Plain objects
 * rather than step-scoped beans: the workers run on threads of their own, where Spring Batch's step scope
 * does not exist.
 */
@Component
class SendPath {

    private final SendLedger ledger;
    private final LedgerQueries queries;
    private final SmtpSettings smtp;
    private final Session mailSession;
    private final RunStop runStop;
    private final Clock clock;
    private final RandomGenerator claimTokens;
    private final SendEvents sendEvents;
    private final RunLease lease;

    SendPath(SendLedger ledger, LedgerQueries queries, SmtpSettings smtp, Session mailSession, RunStop runStop, Clock clock,
             RandomGenerator claimTokens, List<SendEvents> sendEvents, RunLease lease) {
        this.ledger = ledger;
        this.queries = queries;
        this.smtp = smtp;
        this.mailSession = mailSession;
        this.runStop = runStop;
        this.clock = clock;
        this.claimTokens = claimTokens;
        this.sendEvents = SendEvents.all(sendEvents);
        this.lease = lease;
    }

    /** @param outbox empty or null to send over SMTP */
    NoticeSender sender(JobFile job, String outbox, long runId) {
        Pacing pacing = new Throttle(job.throttle(), job.sendWindow(), job.zone(), clock, TimeMeter.SYSTEM_NANOTIME,
                new StoppableParking(runStop::requested), since -> queries.handedOverSince(job.campaign(), since));
        SendWorkers workers = new SendWorkers(job.throttle().connections(), transports(job, outbox), pacing, runStop, sendEvents);
        // Built here, not as a step-scoped bean: the workers call it, and a step-scoped proxy only works on the step's thread.
        NoticePreparer preparer = new NoticePreparer(job, new NoticeRenderer(job.templates()),
                MessageComposer.forJob(mailSession, job), clock);
        return new NoticeSender(ledger, preparer::process, workers, pacing, runStop, lease::verify, new OutcomePolicy(job.retry()), clock,
                claimTokens, sendEvents, runId);
    }

    /** Every connection gives the job's EHLO name (sender.ehlo), which the shared session cannot carry. */
    private Supplier<MailTransport> transports(JobFile job, String outbox) {
        if (outbox != null && !outbox.isEmpty()) {
            return () -> new OutboxTransport(Path.of(outbox));
        }
        Session session = SmtpSessions.forSender(mailSession, job.sender());
        return () -> new SmtpMailTransport(session, smtp.host(), smtp.portOrDefault(), smtp.username(), smtp.password());
    }
}
