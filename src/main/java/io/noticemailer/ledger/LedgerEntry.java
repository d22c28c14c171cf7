package io.noticemailer.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One delivery with everything the ledger knows about it, for reports, evidence, the unreached list and the
 * hotline. The last reply text is stored already masked (the transport hides the recipient in it).
 */
public record LedgerEntry(long id, String campaign, String customerId, long sourceLine, String email, String name,
                          String cohort, String managementCode, Map<String, String> fields, DeliveryStatus status,
                          int attempts, Integer lastReplyCode, String lastEnhancedCode, String lastReplyText,
                          String messageId, String reason, Instant createdAt, Instant lastAttemptAt, Instant sentAt,
                          Instant nextAttemptAt, Instant updatedAt) {

    /** The last SMTP reply as one string ({@code 550 5.1.1 text}), or empty when the server never answered. */
    public String lastReply() {
        if (lastReplyCode == null) {
            return "";
        }
        return lastReplyCode + (lastEnhancedCode == null ? "" : " " + lastEnhancedCode)
                + (lastReplyText == null || lastReplyText.isEmpty() ? "" : " " + lastReplyText);
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
