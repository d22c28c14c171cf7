package io.noticemailer.throttle;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import io.github.bucket4j.BlockingStrategy;

/**
 * Waits for a throttle turn in short slices and gives up waiting as soon as the run is asked to stop, so
 * that SIGTERM is not held up by a slow domain's long wait (the worker then sees the stop and sends nothing).
 */
public final class StoppableParking implements BlockingStrategy {

    static final Duration SLICE = Duration.ofMillis(100);

    private final BooleanSupplier stopRequested;

    public StoppableParking(BooleanSupplier stopRequested) {
        this.stopRequested = stopRequested;
    }

    @Override
    public void park(long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; left > 0 && !stopRequested.getAsBoolean(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(Math.min(left, SLICE.toNanos()));
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while waiting for a throttle turn");
            }
        }
    }
}
