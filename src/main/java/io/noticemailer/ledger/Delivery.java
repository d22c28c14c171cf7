package io.noticemailer.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the ledger: what is to be sent to one customer of a campaign. {@code retrySince} starts the
 * retry lifetime: the first attempt's claim, or the operator's last resend (before the first claim, the import).
 */
public record Delivery(long id, String campaign, String customerId, long sourceLine, String email, String name,
                       String cohort, String managementCode, Map<String, String> fields, DeliveryStatus status,
                       int attempts, Instant createdAt, Instant retrySince, String messageId) {

    @Override
    public String toString() {
        // Spring Batch logs failed items: never print the address or the name.
        return "Delivery[id=" + id + ", customerId=" + customerId + ", status=" + status + "]";
    }
}
