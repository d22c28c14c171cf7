package io.noticemailer.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.send.DeliveryOutcome;

/**
 * The metrics of one run, in a registry of its own (a batch job that ends has nothing to be scraped from):
 * counters per outcome, failures and deferrals by reply class, send latency and throttle waits, the work
 * still due. Micrometer meters are thread-safe, so the send workers record into them directly.
 */
public final class SendMetrics {

    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter sent;
    private final Counter unknown;
    private final Timer latency;
    private final Timer throttleWait;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong running = new AtomicLong(1);

    public SendMetrics(String campaign, Instant start) {
        registry.config().commonTags("campaign", campaign);
        sent = Counter.builder("notice_mailer.sent").description("Messages accepted by the relay (or written to the outbox)")
                .register(registry);
        unknown = Counter.builder("notice_mailer.unknown").description("Messages in doubt (connection lost after the body)")
                .register(registry);
        latency = Timer.builder("notice_mailer.send.latency").description("Time to hand one message to the relay")
                .serviceLevelObjectives(LATENCY_BUCKETS).register(registry);
        throttleWait = Timer.builder("notice_mailer.throttle.wait").description("Time a worker waited for the throttle")
                .register(registry);
        Gauge.builder("notice_mailer.due", due, AtomicLong::get).description("Deliveries still due in this run")
                .register(registry);
        Gauge.builder("notice_mailer.run.running", running, AtomicLong::get)
                .description("1 while the run is going, 0 once it has ended").register(registry);
        Gauge.builder("notice_mailer.run.start.time", () -> start.getEpochSecond()).baseUnit("seconds")
                .description("When the run started (Unix time)").register(registry);
    }

    public void attempted(DeliveryOutcome outcome, Duration sendTime) {
        DeliveryStatus status = outcome.status();
        switch (status) {
            case SENT -> sent.increment();
            case UNKNOWN -> unknown.increment();
            case DEFERRED, FAILED -> Counter.builder("notice_mailer." + status.name().toLowerCase(java.util.Locale.ROOT))
                    .description(status == DeliveryStatus.FAILED ? "Deliveries that failed for good, by SMTP reply class"
                            : "Deliveries put off for a later attempt, by SMTP reply class")
                    .tag("reply_class", replyClass(outcome)).register(registry).increment();
            default -> {
            }
        }
        if (!sendTime.isZero()) {
            latency.record(sendTime);
        }
    }

    public void throttled(Duration waited) {
        throttleWait.record(waited);
    }

    public void due(long deliveries) {
        due.set(deliveries);
    }

    public void ended() {
        running.set(0);
    }

    /** The Prometheus text exposition format (0.0.4), as node_exporter's textfile collector reads it. */
    public String prometheusText() {
        return registry.scrape();
    }

    /** {@code 4xx}, {@code 5xx}…, or {@code none} when no reply came (connection lost, render failure). */
    static String replyClass(DeliveryOutcome outcome) {
        return outcome.reply() == null ? "none" : outcome.reply().code() / 100 + "xx";
    }
}
