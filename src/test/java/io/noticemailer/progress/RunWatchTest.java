package io.noticemailer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.metrics.PrometheusFile;
import io.noticemailer.metrics.SendMetrics;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SmtpReply;

/** A watched run with a fixed clock and a display that records what it was shown: counts, no timing. */
class RunWatchTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");
    private static final ProgressSettings SETTINGS = new ProgressSettings(Duration.ofMinutes(1), Duration.ofSeconds(1),
            Duration.ofSeconds(10), Duration.ofMinutes(1));

    @TempDir
    Path temp;

    private final List<Progress> shown = new ArrayList<>();
    private final List<Progress> finished = new ArrayList<>();
    private final ProgressDisplay recording = new ProgressDisplay() {
        @Override
        public void show(Progress progress) {
            shown.add(progress);
        }

        @Override
        public void finish(Progress progress) {
            finished.add(progress);
        }
    };

    @Test
    void givenAttemptsFromManyThreadsThenEveryOneIsCountedOnce() throws Exception {
        RunWatch watch = watch(() -> 0, Long.MAX_VALUE, null);
        int threads = 8;
        int each = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < threads; t++) {
            DeliveryStatus status = t % 2 == 0 ? DeliveryStatus.SENT : DeliveryStatus.DEFERRED;
            pool.submit(() -> {
                go.await();
                for (int i = 0; i < each; i++) {
                    watch.attempted(outcome(status, 250), Duration.ofMillis(3));
                    watch.throttled(Duration.ofMillis(1));
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        Progress progress = watch.progress(true);
        assertThat(progress.sent()).isEqualTo(threads / 2 * each);
        assertThat(progress.deferred()).isEqualTo(threads / 2 * each);
        assertThat(progress.throttled()).isEqualTo(threads * each);
        assertThat(progress.throttleWait()).isEqualTo(Duration.ofMillis(threads * each));
        watch.close();
    }

    @Test
    void givenALimitThenTheRemainingWorkIsCappedByWhatTheLimitLeaves() {
        RunWatch watch = watch(() -> 100, 5, null);
        watch.attempted(outcome(DeliveryStatus.SENT, 250), Duration.ofMillis(3));
        watch.attempted(outcome(DeliveryStatus.FAILED, 550), Duration.ofMillis(3));

        Progress progress = watch.progress(true);

        assertThat(progress.attempted()).isEqualTo(2);
        assertThat(progress.remaining()).isEqualTo(3);
        assertThat(progress.total()).isEqualTo(5);
        watch.close();
    }

    @Test
    void givenTheDueCountIsFreshThenItIsNotQueriedAgainUntilItIsOld() {
        AtomicInteger queries = new AtomicInteger();
        MutableClock clock = new MutableClock();
        RunWatch watch = new RunWatch(setup(queries::incrementAndGet, Long.MAX_VALUE, null, clock), () -> {
        }, (a, b) -> true);

        watch.progress(false);
        watch.progress(false);
        clock.now.set(START.plusSeconds(10));
        watch.progress(false);

        assertThat(queries).hasValue(2);
        watch.close();
    }

    @Test
    void givenARunThatEndsThenTheLastStateIsShownAndTheMetricsFileHoldsTheFinalCounts() throws Exception {
        Path metrics = temp.resolve("notice-mailer.prom");
        RunWatch watch = watch(() -> 0, Long.MAX_VALUE, metrics);
        watch.attempted(outcome(DeliveryStatus.SENT, 250), Duration.ofMillis(20));
        watch.attempted(outcome(DeliveryStatus.DEFERRED, 451), Duration.ofMillis(20));

        watch.close();

        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).sent()).isEqualTo(1);
        assertThat(finished.get(0).deferred()).isEqualTo(1);
        String text = Files.readString(metrics);
        assertThat(text).contains("notice_mailer_sent_total{campaign=\"c1\"} 1.0")
                .contains("notice_mailer_deferred_total{campaign=\"c1\",reply_class=\"4xx\"} 1.0")
                .contains("notice_mailer_run_running{campaign=\"c1\"} 0.0");
        try (var files = Files.list(temp)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("notice-mailer.prom");
        }
    }

    @Test
    void givenTheDueCountFailsThenProgressKeepsTheLastCountInsteadOfThrowing() {
        AtomicInteger calls = new AtomicInteger();
        RunWatch watch = watch(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("database down");
            }
            return 7;
        }, Long.MAX_VALUE, null);

        assertThat(watch.progress(true).remaining()).isEqualTo(7);
        assertThat(watch.progress(true).remaining()).isEqualTo(7);
        watch.close();
    }

    private RunWatch watch(java.util.function.LongSupplier due, long limit, Path metricsFile) {
        return new RunWatch(setup(due, limit, metricsFile, Clock.fixed(START, ZoneOffset.UTC)), () -> {
        }, (a, b) -> true);
    }

    private RunWatch.Setup setup(java.util.function.LongSupplier due, long limit, Path metricsFile, Clock clock) {
        return new RunWatch.Setup("c1", recording, Duration.ofMinutes(1), SETTINGS, due, limit,
                new SendMetrics("c1", START), metricsFile == null ? null : new PrometheusFile(metricsFile), clock);
    }

    private static DeliveryOutcome outcome(DeliveryStatus status, int code) {
        return new DeliveryOutcome(1, status, new SmtpReply(code, null, "x"), null, "<id@x>", START, null);
    }

    private static final class MutableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(START);

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
