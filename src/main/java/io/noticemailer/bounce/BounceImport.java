package io.noticemailer.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.job.UsageException;
import io.noticemailer.ledger.AddressMask;
import io.noticemailer.ledger.Bounce;
import io.noticemailer.ledger.BounceStore;
import io.noticemailer.ledger.BounceTarget;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.LedgerExport;
import jakarta.mail.MessagingException;

/**
 * {@code bounces JOBFILE PATH…}: reads the bounce mailbox as exported (files, folders, mbox), and records each
 * failed recipient of each DSN on the campaign's SENT delivery it is about (see {@link BounceMatcher}). The
 * delivery stays SENT, marked bounced, with a BOUNCED attempt. Reading the same mail again records nothing new.
 * Addresses are masked in all it prints and logs, file names included (a mail client may name a saved bounce
 * after its subject, and some subjects quote the recipient).
 */
@Service
public class BounceImport {

    /** Told what each message or recipient block did ({@code --list}), and what could not be read (always shown). */
    public interface Listener {
        void outcome(String location, String outcome);

        void unreadable(String location, String reason);
    }

    private static final Logger log = LoggerFactory.getLogger(BounceImport.class);

    private final BounceStore store;
    private final LedgerExport ledger;
    private final Clock clock;
    private final DsnParser parser = new DsnParser();

    BounceImport(BounceStore store, LedgerExport ledger, Clock clock) {
        this.store = store;
        this.ledger = ledger;
        this.clock = clock;
    }

    public BounceTally read(JobFile job, List<Path> paths, Listener listener) {
        if (ledger.campaign(job.campaign()).isEmpty()) {
            throw new UsageException("campaign " + job.campaign() + " has never run: none of its notices can have bounced");
        }
        Reading reading = new Reading(job, listener, new BounceMatcher(store));
        new MailboxFiles(Runtime.getRuntime().maxMemory() / 4).read(paths, reading);
        BounceTally tally = reading.tally;
        log.info("bounces read campaign={} messages={} bounced={} alreadyKnown={} skipped={} unreadable={}",
                job.campaign(), tally.messages(), tally.bouncedNow(), tally.alreadyKnown(), tally.skipped(),
                tally.unreadable().size());
        return tally;
    }

    private final class Reading implements MailboxFiles.Visitor {

        private final JobFile job;
        private final Listener listener;
        private final BounceMatcher matcher;
        private final BounceTally tally = new BounceTally();

        Reading(JobFile job, Listener listener, BounceMatcher matcher) {
            this.job = job;
            this.listener = listener;
            this.matcher = matcher;
        }

        @Override
        public void message(String path, InputStream message) {
            String location = DsnText.masked(path, null);
            tally.message();
            ReadMail mail;
            try {
                mail = parser.parse(message);
            } catch (MessagingException | IOException e) {
                unreadable(path, "cannot read it as a MIME message (" + e.getClass().getSimpleName() + ": "
                        + e.getMessage() + ")");
                return;
            }
            if (mail instanceof ReadMail.Skipped skipped) {
                skip(location, skipped.reason(), null);
            } else if (mail instanceof ReadMail.Dsn dsn) {
                if (dsn.recipients().isEmpty()) {
                    skip(location, SkipReason.NO_RECIPIENT, null);
                }
                dsn.recipients().forEach(recipient -> recipient(location, dsn, recipient));
            }
        }

        @Override
        public void unreadable(String path, String why) {
            String location = DsnText.masked(path, null);
            String reason = DsnText.masked(why, null);
            tally.unreadable(location, reason);
            log.warn("bounce mail unreadable campaign={} location={} reason={}", job.campaign(), location, reason);
            listener.unreadable(location, reason);
        }

        private void recipient(String location, ReadMail.Dsn dsn, RecipientReport recipient) {
            String address = recipient.finalRecipient();
            if (!recipient.failed()) {
                skip(location, recipient.whyNotFailed(), address);
                return;
            }
            Instant at = dsn.timeOf(recipient) == null ? clock.instant() : dsn.timeOf(recipient);
            BounceMatcher.Match match = matcher.match(job, dsn, recipient, at);
            if (match.skipped() != null) {
                skip(location, match.skipped(), address);
                return;
            }
            BounceTarget target = match.target();
            if (target.status() != DeliveryStatus.SENT) {
                skip(location, SkipReason.NOT_SENT, target.email());
                return;
            }
            String who = "customer " + target.customerId() + " (" + AddressMask.mask(target.email()) + ")";
            if (!target.bounced() && store.record(target.id(), bounce(location, dsn, recipient, at, target, match),
                    clock.instant())) {
                tally.countBounced();
                log.info("bounce recorded campaign={} customer={} address={} status={} matchedBy={}", job.campaign(),
                        target.customerId(), AddressMask.mask(target.email()), recipient.status(), match.by().label());
                listener.outcome(location, "bounced: " + who + ", " + nullToEmpty(recipient.status()) + ", matched by "
                        + match.by().label());
            } else {
                tally.countAlreadyKnown();
                listener.outcome(location, "already known: " + who);
            }
        }

        private Bounce bounce(String location, ReadMail.Dsn dsn, RecipientReport recipient, Instant at,
                              BounceTarget target, BounceMatcher.Match match) {
            String diagnostic = recipient.diagnostic().isEmpty()
                    ? "(no Diagnostic-Code" + (dsn.reportingMta() == null ? "" : " from " + dsn.reportingMta()) + ")"
                    : recipient.diagnostic();
            String detail = "DSN from " + (dsn.reportingMta() == null ? "an unnamed MTA" : dsn.reportingMta()) + " in "
                    + Path.of(location).getFileName() + ", matched by " + match.by().label();
            return new Bounce(at, recipient.status(), DsnText.replyCode(recipient.diagnostic()),
                    DsnText.bounded(DsnText.masked(diagnostic, target.email())),
                    DsnText.bounded(DsnText.masked(detail, target.email())));
        }

        private void skip(String location, SkipReason reason, String address) {
            tally.skipped(reason);
            log.debug("bounce mail skipped campaign={} location={} reason={}", job.campaign(), location, reason);
            listener.outcome(location, "skipped: " + reason.label()
                    + (address == null ? "" : " (" + AddressMask.mask(address) + ")"));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
