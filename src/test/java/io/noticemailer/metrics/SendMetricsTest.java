package io.noticemailer.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SmtpReply;

class SendMetricsTest {

    private static final Instant START = Instant.parse("2026-01-05T00:00:00Z");

    @Test
    void givenOutcomesThenCountersByReplyClassLatencyAndThrottleWaitsAreInThePrometheusText() {
        SendMetrics metrics = new SendMetrics("dl-2018", START);
        metrics.attempted(outcome(DeliveryStatus.SENT, new SmtpReply(250, "2.0.0", "ok")), Duration.ofMillis(40));
        metrics.attempted(outcome(DeliveryStatus.FAILED, new SmtpReply(550, "5.1.1", "unknown")), Duration.ofMillis(300));
        metrics.attempted(outcome(DeliveryStatus.FAILED, null), Duration.ZERO);
        metrics.attempted(outcome(DeliveryStatus.DEFERRED, new SmtpReply(421, "4.7.0", "slow down")), Duration.ofSeconds(2));
        metrics.attempted(outcome(DeliveryStatus.UNKNOWN, null), Duration.ofSeconds(30));
        metrics.throttled(Duration.ofMillis(500));
        metrics.due(42);

        String text = metrics.prometheusText();

        assertThat(text).contains("notice_mailer_sent_total{campaign=\"dl-2018\"} 1.0")
                .contains("notice_mailer_failed_total{campaign=\"dl-2018\",reply_class=\"5xx\"} 1.0")
                .contains("notice_mailer_failed_total{campaign=\"dl-2018\",reply_class=\"none\"} 1.0")
                .contains("notice_mailer_deferred_total{campaign=\"dl-2018\",reply_class=\"4xx\"} 1.0")
                .contains("notice_mailer_unknown_total{campaign=\"dl-2018\"} 1.0")
                .contains("notice_mailer_send_latency_seconds_count{campaign=\"dl-2018\"} 4")
                .contains("notice_mailer_send_latency_seconds_bucket{campaign=\"dl-2018\",le=\"0.05\"} 1")
                .contains("notice_mailer_throttle_wait_seconds_count{campaign=\"dl-2018\"} 1")
                .contains("notice_mailer_due{campaign=\"dl-2018\"} 42.0")
                .contains("notice_mailer_run_running{campaign=\"dl-2018\"} 1.0")
                .contains("notice_mailer_run_start_time_seconds{campaign=\"dl-2018\"} " + (double) START.getEpochSecond());
    }

    private static DeliveryOutcome outcome(DeliveryStatus status, SmtpReply reply) {
        return new DeliveryOutcome(1, status, reply, null, "<id@x>", START, null);
    }
}
