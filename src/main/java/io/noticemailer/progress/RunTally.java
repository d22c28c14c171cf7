package io.noticemailer.progress;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.noticemailer.ledger.DeliveryStatus;

/** What a run has done so far, counted by the send workers without locks. */
final class RunTally {

    private final LongAdder sent = new LongAdder();
    private final LongAdder deferred = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final LongAdder unknown = new LongAdder();
    private final LongAdder throttled = new LongAdder();
    private final LongAdder throttledNanos = new LongAdder();

    void attempted(DeliveryStatus status) {
        switch (status) {
            case SENT -> sent.increment();
            case DEFERRED -> deferred.increment();
            case FAILED -> failed.increment();
            case UNKNOWN -> unknown.increment();
            default -> {
            }
        }
    }

    void throttled(Duration waited) {
        throttled.increment();
        throttledNanos.add(waited.toNanos());
    }

    long attempted() {
        return sent.sum() + deferred.sum() + failed.sum() + unknown.sum();
    }

    Progress snapshot(String campaign, long remaining, Duration elapsed) {
        return new Progress(campaign, sent.sum(), deferred.sum(), failed.sum(), unknown.sum(), remaining, elapsed,
                throttled.sum(), Duration.ofNanos(throttledNanos.sum()));
    }
}
