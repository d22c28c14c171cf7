package io.noticemailer.progress;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.metrics.PrometheusFile;
import io.noticemailer.metrics.SendMetrics;
import io.noticemailer.send.DeliveryOutcome;

/**
 * One run being watched: counts its attempts, shows its progress every interval on a thread of its own
 * (never a send worker's), writes the metrics file every interval, and shows and writes both a last time
 * when closed.
 */
public final class RunWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RunWatch.class);

    record Setup(String campaign, ProgressDisplay display, Duration interval, ProgressSettings settings, LongSupplier due,
                 long limit, SendMetrics metrics, PrometheusFile metricsFile, Clock clock) {
    }

    private final Setup setup;
    private final LogLevels.Restore logLevels;
    private final BiPredicate<RunWatch, RunWatch> release;
    private final RunTally tally = new RunTally();
    private final Instant started;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "run-progress");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long due;
    private volatile Instant dueCountedAt;
    private volatile boolean metricsFailed;

    RunWatch(Setup setup, LogLevels.Restore logLevels, BiPredicate<RunWatch, RunWatch> release) {
        this.setup = setup;
        this.logLevels = logLevels;
        this.release = release;
        this.started = setup.clock().instant();
    }

    void start(boolean showProgress) {
        if (showProgress) {
            every(setup.interval(), () -> setup.display().show(progress(false)));
        }
        if (setup.metricsFile() != null) {
            every(setup.settings().metricsInterval(), this::writeMetrics);
        }
    }

    void attempted(DeliveryOutcome outcome, Duration latency) {
        tally.attempted(outcome.status());
        setup.metrics().attempted(outcome, latency);
    }

    void throttled(Duration waited) {
        tally.throttled(waited);
        setup.metrics().throttled(waited);
    }

    /** Where the run stands now; the work still due is counted again when {@code recount} or when it is old. */
    Progress progress(boolean recount) {
        Instant now = setup.clock().instant();
        if (recount || dueCountedAt == null || !now.isBefore(dueCountedAt.plus(setup.settings().dueRefresh()))) {
            countDue(now);
        }
        long remaining = Math.min(due, Math.max(0, setup.limit() - tally.attempted()));
        return tally.snapshot(setup.campaign(), remaining, Duration.between(started, now));
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            setup.display().finish(progress(true));
            setup.metrics().ended();
            if (setup.metricsFile() != null) {
                writeMetrics();
            }
        } finally {
            logLevels.close();
            release.test(this, null);
        }
    }

    private void countDue(Instant now) {
        try {
            due = setup.due().getAsLong();
            setup.metrics().due(due);
        } catch (RuntimeException e) {
            log.debug("could not count the deliveries still due; showing the last count", e);
        }
        dueCountedAt = now;
    }

    private void writeMetrics() {
        try {
            setup.metricsFile().write(setup.metrics().prometheusText());
        } catch (IOException | RuntimeException e) {
            if (!metricsFailed) {
                metricsFailed = true;
                log.warn("cannot write the metrics file {}: {}", setup.metricsFile().target(), e.getMessage());
            }
        }
    }

    private void every(Duration interval, Runnable task) {
        long millis = Math.max(1, interval.toMillis());
        ticker.scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.debug("progress task failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }
}
