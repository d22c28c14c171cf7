package io.noticemailer.bounce;

import java.time.Instant;
import java.util.List;

/** What one message from the bounce mailbox turned out to be: a DSN, or something to skip and why. */
sealed interface ReadMail {

    /**
     * A delivery status notification: who reported it, when ({@code Date} header, {@code Arrival-Date}), the
     * original message's Message-ID and From address when it came back with it, and its recipient blocks.
     */
    record Dsn(String reportingMta, Instant date, Instant arrivalDate, String originalMessageId, String originalFrom,
               List<RecipientReport> recipients) implements ReadMail {

        /** When the recipient's delivery failed: its Last-Attempt-Date, else the DSN's Date, else its Arrival-Date. */
        Instant timeOf(RecipientReport recipient) {
            if (recipient.lastAttempt() != null) {
                return recipient.lastAttempt();
            }
            return date != null ? date : arrivalDate;
        }
    }

    record Skipped(SkipReason reason) implements ReadMail {
    }
}
