package io.noticemailer.campaign;

import java.time.Duration;

/** When a transiently failed delivery is tried again, and when it is given up. */
public record RetryPolicy(Duration minBackoff, Duration maxBackoff, Duration lifetime) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(5));
    }
}
