package io.noticemailer.progress;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.stereotype.Service;

import io.noticemailer.ledger.LedgerQueries;
import io.noticemailer.metrics.PrometheusFile;
import io.noticemailer.metrics.SendMetrics;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SendEvents;

/**
 * The send path's {@link SendEvents}: passes each event to the run being watched (progress and metrics),
 * if any. Called from the send workers: lock-free, and it never throws (a display must not fail a delivery).
 */
@Service
public class RunWatcher implements SendEvents {

    private static final Logger log = LoggerFactory.getLogger(RunWatcher.class);

    private final LedgerQueries queries;
    private final LoggingSystem logging;
    private final ProgressSettings settings;
    private final Clock clock;
    private final AtomicReference<RunWatch> current = new AtomicReference<>();

    RunWatcher(LedgerQueries queries, LoggingSystem logging, ProgressSettings settings, Clock clock) {
        this.queries = queries;
        this.logging = logging;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts watching a run of {@code campaign} until the returned watch is closed.
     *
     * @param metricsFile where to write Prometheus metrics every interval and at the end, or null
     * @param limit       the run's --limit, or null
     */
    public RunWatch watch(String campaign, ProgressMode mode, Path metricsFile, Long limit) {
        ProgressMode resolved = mode.resolved();
        ProgressDisplay display = switch (resolved) {
            case BAR -> TerminalBar.onStderr();
            case LOG -> new ProgressLog();
            default -> ProgressDisplay.NONE;
        };
        Duration interval = resolved == ProgressMode.BAR ? settings.barRefresh() : settings.logInterval();
        RunWatch watch = new RunWatch(new RunWatch.Setup(campaign, display, interval, settings,
                () -> queries.countDue(campaign, clock.instant()), limit == null ? Long.MAX_VALUE : limit,
                new SendMetrics(campaign, clock.instant()), metricsFile == null ? null : new PrometheusFile(metricsFile),
                clock), LogLevels.quietFor(logging, resolved), current::compareAndSet);
        current.set(watch);
        watch.start(resolved != ProgressMode.QUIET);
        return watch;
    }

    @Override
    public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
        RunWatch watch = current.get();
        if (watch != null) {
            try {
                watch.attempted(outcome, latency);
            } catch (RuntimeException e) {
                log.debug("progress or metrics could not take an attempt", e);
            }
        }
    }

    @Override
    public void throttled(String domain, Duration waited) {
        RunWatch watch = current.get();
        if (watch != null) {
            try {
                watch.throttled(waited);
            } catch (RuntimeException e) {
                log.debug("progress or metrics could not take a throttle wait", e);
            }
        }
    }
}
