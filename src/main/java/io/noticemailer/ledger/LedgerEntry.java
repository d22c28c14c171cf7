package io.noticemailer.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery with everything the ledger knows about it, for reports, evidence, the unreached list and the
 * hotline. The last reply text is stored already masked (the transport hides the recipient in it), and so is
 * the bounce text. A SENT delivery with {@code bouncedAt} was accepted by the relay and bounced later.
 */
public record LedgerEntry(long id, String campaign, String customerId, long sourceLine, String email, String name,
                          String cohort, String managementCode, Map<String, String> fields, DeliveryStatus status,
                          int attempts, Integer lastReplyCode, String lastEnhancedCode, String lastReplyText,
                          String messageId, String reason, Instant createdAt, Instant lastAttemptAt, Instant sentAt,
                          Instant nextAttemptAt, Instant updatedAt, Instant bouncedAt, String bounceStatus,
                          String bounceText) {

    /** The last SMTP reply as one string ({@code 550 5.1.1 text}), or empty when the server never answered. */
    public String lastReply() {
        if (lastReplyCode == null) {
            return "";
        }
        return lastReplyCode + (lastEnhancedCode == null ? "" : " " + lastEnhancedCode)
                + (lastReplyText == null || lastReplyText.isEmpty() ? "" : " " + lastReplyText);
    }

    public boolean bounced() {
        return bouncedAt != null;
    }

    /**
     * The bounce as one string: its status code, then the diagnostic text when it does not already hold it
     * ({@code 5.0.0 550 Unknown user t***@docomo.ne.jp}, {@code 550 5.1.1 <t***@example.com>: user unknown}); empty
     * when the delivery did not bounce.
     */
    public String bounce() {
        if (bouncedAt == null) {
            return "";
        }
        String text = bounceText == null ? "" : bounceText;
        if (bounceStatus == null || bounceStatus.isEmpty() || text.contains(bounceStatus)) {
            return text.isEmpty() && bounceStatus != null ? bounceStatus : text;
        }
        return (bounceStatus + " " + text).strip();
    }

    public String maskedEmail() {
        return AddressMask.mask(email);
    }

    @Override
    public String toString() {
        // Never the address or the name: entries may reach a log through an exception.
        return "LedgerEntry[id=" + id + ", campaign=" + campaign + ", customerId=" + customerId + ", status=" + status + "]";
    }
}
