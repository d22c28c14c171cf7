package io.noticemailer.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.TimeMeter;

/**
 * Time that only moves when told: a {@link Clock} for wall-clock rules (send window, quota day, retry
 * times), a Bucket4j {@link TimeMeter} for the token buckets, and a {@link BlockingStrategy} whose waiting
 * moves the time forward instead of sleeping. Tests on it never sleep and never depend on the machine's speed.
 */
public final class FakeTime extends Clock implements TimeMeter, BlockingStrategy {

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final AtomicLong epochNanos;

    private FakeTime(long epochNanos) {
        this.epochNanos = new AtomicLong(epochNanos);
    }

    public static FakeTime at(Instant start) {
        return new FakeTime(start.getEpochSecond() * NANOS_PER_SECOND + start.getNano());
    }

    public static FakeTime at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    public void advance(Duration duration) {
        epochNanos.addAndGet(duration.toNanos());
    }

    public void set(Instant instant) {
        epochNanos.set(instant.getEpochSecond() * NANOS_PER_SECOND + instant.getNano());
    }

    @Override
    public Instant instant() {
        long nanos = epochNanos.get();
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public long currentTimeNanos() {
        return epochNanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    @Override
    public void park(long nanosToPark) {
        epochNanos.addAndGet(nanosToPark);
    }
}
