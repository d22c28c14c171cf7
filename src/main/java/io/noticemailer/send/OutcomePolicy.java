package io.noticemailer.send;

import java.time.Duration;
import java.time.Instant;

import io.noticemailer.campaign.RetryPolicy;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.DeliveryStatus;

/**
 * Turns what the server answered into the delivery's next status. Transient failures are retried with a
 * doubling backoff from the job's minimum to its maximum, until the delivery's lifetime has run out.
 */
public final class OutcomePolicy {

    private final RetryPolicy retry;

    public OutcomePolicy(RetryPolicy retry) {
        this.retry = retry;
    }

    public DeliveryOutcome decide(Delivery delivery, String messageId, SendResult result, Instant now) {
        SmtpReply reply = result.reply();
        return switch (result.outcome()) {
            case ACCEPTED -> outcome(delivery, DeliveryStatus.SENT, reply, null, messageId, now, null);
            case REJECTED_PERMANENT -> outcome(delivery, DeliveryStatus.FAILED, reply,
                    "rejected by the server: " + result.detail(), messageId, now, null);
            case REJECTED_TRANSIENT -> retryLater(delivery, messageId, reply,
                    "temporarily rejected: " + result.detail(), now, backoff(delivery.attempts() + 1));
            // Nothing reached the server, and the quick retries on new connections failed as well.
            case CONNECTION_FAILED -> retryLater(delivery, messageId, reply,
                    "connection failed before the message was handed over: " + result.detail(), now,
                    backoff(delivery.attempts() + 1));
            case UNCERTAIN -> outcome(delivery, DeliveryStatus.UNKNOWN, reply,
                    "in doubt: " + result.detail(), messageId, now, null);
        };
    }

    /** The message may have left, or not: an operator decides ({@code resend --unknown}). */
    public DeliveryOutcome inDoubt(Delivery delivery, String messageId, String reason, Instant now) {
        return outcome(delivery, DeliveryStatus.UNKNOWN, null, "in doubt: " + reason, messageId, now, null);
    }

    public DeliveryOutcome renderFailed(Delivery delivery, String messageId, String reason, Instant now) {
        return outcome(delivery, DeliveryStatus.FAILED, null, reason, messageId, now, null);
    }

    private DeliveryOutcome retryLater(Delivery delivery, String messageId, SmtpReply reply, String reason,
                                       Instant now, Duration wait) {
        Instant expiry = lifetimeStart(delivery, now).plus(retry.lifetime());
        if (!now.isBefore(expiry)) {
            return outcome(delivery, DeliveryStatus.FAILED, reply, "expired: still failing after the retry lifetime of "
                    + human(retry.lifetime()) + "; last: " + reason, messageId, now, null);
        }
        return outcome(delivery, DeliveryStatus.DEFERRED, reply, reason, messageId, now, now.plus(wait));
    }

    /**
     * The lifetime counts from the first attempt (or the operator's last resend), not from the import: a
     * delivery read before its first claim still carries the import time, while its claim has just started it.
     */
    private static Instant lifetimeStart(Delivery delivery, Instant now) {
        return delivery.attempts() == 0 || delivery.retrySince() == null ? now : delivery.retrySince();
    }

    /** min × 2^(attempt−1), capped at max: 5m, 10m, 20m, 40m, 1h, 1h … with the defaults. */
    Duration backoff(int attempt) {
        Duration wait = retry.minBackoff();
        for (int i = 1; i < attempt && wait.compareTo(retry.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(retry.maxBackoff()) > 0 ? retry.maxBackoff() : wait;
    }

    /** 5d, 36h, 90m, 45s: as the job file writes durations. */
    static String human(Duration duration) {
        long seconds = duration.getSeconds();
        for (long[] unit : new long[][] {{86_400, 'd'}, {3_600, 'h'}, {60, 'm'}}) {
            if (seconds % unit[0] == 0) {
                return seconds / unit[0] + String.valueOf((char) unit[1]);
            }
        }
        return seconds + "s";
    }

    private static DeliveryOutcome outcome(Delivery delivery, DeliveryStatus status, SmtpReply reply, String reason,
                                           String messageId, Instant now, Instant next) {
        return new DeliveryOutcome(delivery.id(), status, reply, reason, messageId, now, next);
    }
}
