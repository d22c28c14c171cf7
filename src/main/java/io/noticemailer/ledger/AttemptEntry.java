package io.noticemailer.ledger;

import java.time.Instant;

/** One row of the attempt history, with the customer and code it belongs to. Texts are stored masked. */
public record AttemptEntry(long id, String customerId, String managementCode, Instant attemptedAt, String outcome,
                           Integer replyCode, String enhancedCode, String replyText, String detail, Long runId) {
}
