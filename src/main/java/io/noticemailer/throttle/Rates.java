package io.noticemailer.throttle;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;

/**
 * Bucket4j token buckets for a rate in messages per second. Refill is greedy (one token every 1/rate
 * seconds, not a batch each second), so the rate holds over any interval; {@code burst} is how many
 * messages may go back to back after a quiet spell. Rates are kept to a thousandth of a message per second.
 */
final class Rates {

    private static final long PRECISION = 1000;
    private static final Duration PERIOD = Duration.ofSeconds(PRECISION);

    private Rates() {
    }

    static Bucket bucket(double perSecond, long burst, TimeMeter time) {
        return Bucket.builder().addLimit(bandwidth(perSecond, burst)).withCustomTimePrecision(time).build();
    }

    static BucketConfiguration configuration(double perSecond, long burst) {
        return BucketConfiguration.builder().addLimit(bandwidth(perSecond, burst)).build();
    }

    private static Bandwidth bandwidth(double perSecond, long burst) {
        long tokensPerPeriod = Math.max(1, Math.round(perSecond * PRECISION));
        return Bandwidth.builder().capacity(burst).refillGreedy(tokensPerPeriod, PERIOD).build();
    }

    /** 2, 0.5, 12.5: for logs and messages. */
    static String format(double perSecond) {
        return perSecond == Math.rint(perSecond) ? String.valueOf((long) perSecond) : String.valueOf(perSecond);
    }
}
