package io.noticemailer.send;

import java.time.Instant;

import io.noticemailer.ledger.DeliveryStatus;

/**
 * The recorded result of one attempt: the new status, the server's reply (null if none came), why
 * (for everything but SENT), the Message-ID used, when to try again (DEFERRED only), and the charset the
 * message went out in (null when no message was built).
 */
public record DeliveryOutcome(long deliveryId, DeliveryStatus status, SmtpReply reply, String reason,
                              String messageId, Instant at, Instant nextAttemptAt, String charset) {

    public DeliveryOutcome(long deliveryId, DeliveryStatus status, SmtpReply reply, String reason,
                           String messageId, Instant at, Instant nextAttemptAt) {
        this(deliveryId, status, reply, reason, messageId, at, nextAttemptAt, null);
    }

    public DeliveryOutcome withCharset(String messageCharset) {
        return new DeliveryOutcome(deliveryId, status, reply, reason, messageId, at, nextAttemptAt, messageCharset);
    }
}
