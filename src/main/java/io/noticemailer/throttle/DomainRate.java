package io.noticemailer.throttle;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;

/**
 * The sending rate towards one recipient domain, without bursts, that adapts to the receiver: a 421 or a
 * 4.7.x reply halves it (down to 1/{@value #FLOOR_DIVISOR} of its normal rate), and every
 * {@link #RECOVERY_STEP} without another such reply doubles it back, up to the normal rate. Replies that
 * come within {@link #SAME_EPISODE} of a halving belong to the same episode (other workers' messages that
 * were already under way) and only restart the quiet period. Thread-safe.
 */
final class DomainRate {

    static final Duration SAME_EPISODE = Duration.ofSeconds(10);
    static final Duration RECOVERY_STEP = Duration.ofSeconds(60);
    static final int FLOOR_DIVISOR = 16;
    private static final Logger log = LoggerFactory.getLogger(DomainRate.class);
    private static final long NO_BURST = 1;

    private final String domain;
    private final double normal;
    private final TimeMeter time;
    private final Bucket bucket;
    private double current;
    private long lastSlowDown = Long.MIN_VALUE;
    private long quietSince;

    DomainRate(String domain, double normal, TimeMeter time) {
        this.domain = domain;
        this.normal = normal;
        this.time = time;
        this.current = normal;
        this.bucket = Rates.bucket(normal, NO_BURST, time);
    }

    /** Blocks until one message to the domain may go; {@code parking} does the waiting. */
    void take(BlockingStrategy parking) throws InterruptedException {
        recoverIfQuiet();
        bucket.asBlocking().consume(1, parking);
    }

    synchronized void slowDown(String reply) {
        long now = time.currentTimeNanos();
        boolean newEpisode = lastSlowDown == Long.MIN_VALUE || now - lastSlowDown >= SAME_EPISODE.toNanos();
        lastSlowDown = now;
        quietSince = now;
        double floor = normal / FLOOR_DIVISOR;
        if (newEpisode && current > floor) {
            change(Math.max(current / 2, floor));
            log.info("domain {} answered {}: sending to it at {}/s for now (normally {}/s)", domain, reply,
                    Rates.format(current), Rates.format(normal));
        }
    }

    synchronized double current() {
        return current;
    }

    private synchronized void recoverIfQuiet() {
        long now = time.currentTimeNanos();
        if (current < normal && now - quietSince >= RECOVERY_STEP.toNanos()) {
            quietSince = now;
            change(Math.min(current * 2, normal));
            log.info("domain {} quiet for {} s: sending to it at {}/s", domain, RECOVERY_STEP.toSeconds(), Rates.format(current));
        }
    }

    private void change(double perSecond) {
        current = perSecond;
        bucket.replaceConfiguration(Rates.configuration(perSecond, NO_BURST), TokensInheritanceStrategy.AS_IS);
    }
}
