package io.noticemailer.progress;

import java.time.Duration;
import java.util.Optional;

/**
 * Where a run stands: its attempts so far by outcome, and the deliveries still due to it ({@code remaining},
 * from the ledger, capped by --limit). A DEFERRED delivery that is due again counts in both.
 */
record Progress(String campaign, long sent, long deferred, long failed, long unknown, long remaining, Duration elapsed,
                long throttled, Duration throttleWait) {

    long attempted() {
        return sent + deferred + failed + unknown;
    }

    long total() {
        return attempted() + remaining;
    }

    /** Attempts per second since the run started; zero before any time has passed. */
    double rate() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : attempted() / seconds;
    }

    /** The time left at the rate so far; empty until there is a rate. */
    Optional<Duration> eta() {
        double rate = rate();
        return rate <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(Math.round(remaining / rate)));
    }
}
