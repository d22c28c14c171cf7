package io.noticemailer.send;

import java.time.Instant;

import io.noticemailer.ledger.DeliveryStatus;

/**
 * The recorded result of one attempt: the new status, the server's reply (null if none came), why
 * (for everything but SENT), the Message-ID used, and when to try again (DEFERRED only).
 */
public record DeliveryOutcome(long deliveryId, DeliveryStatus status, SmtpReply reply, String reason,
                              String messageId, Instant at, Instant nextAttemptAt) {
}
