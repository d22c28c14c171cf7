package io.noticemailer.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

import io.github.bucket4j.BlockingStrategy;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.TimeMeter;

import io.noticemailer.campaign.SendWindow;
import io.noticemailer.campaign.ThrottleSpec;
import io.noticemailer.campaign.ThrottleSpec.DomainLimit;
import io.noticemailer.send.Pacing;
import io.noticemailer.send.SendResult;
import io.noticemailer.send.SmtpReply;

/**
 * The job's {@code throttle} and {@code sendWindow}, layered: a message waits for its domain's rate (if the
 * domain has a limit, or has been slowed down), then for the global rate, then must still be inside the send
 * window and the daily quota. Token buckets are Bucket4j's; their time and waiting are injected so that
 * tests run on a fake clock and never sleep. Thread-safe: all send workers share one.
 */
public final class Throttle implements Pacing {

    /** The global bucket lets this share of a second's messages go back to back (a tenth of a second). */
    private static final double GLOBAL_BURST_SECONDS = 0.1;

    private final ThrottleSpec spec;
    private final Map<String, DomainLimit> limits;
    private final Map<String, DomainRate> domains = new ConcurrentHashMap<>();
    private final Bucket global;
    private final SendWindowGate window;
    private final DailyQuota quota;
    private final TimeMeter time;
    private final BlockingStrategy parking;

    /**
     * @param window          null when the job has no send window
     * @param clock           wall-clock time, for the send window and the quota's calendar day
     * @param time            the token buckets' time ({@link TimeMeter#SYSTEM_NANOTIME} in production)
     * @param parking         how a waiting worker waits ({@link StoppableParking} in production)
     * @param handedOverSince messages of the campaign handed to a relay since a time, for the daily quota
     */
    public Throttle(ThrottleSpec spec, SendWindow window, ZoneId zone, Clock clock, TimeMeter time, BlockingStrategy parking,
                    ToLongFunction<Instant> handedOverSince) {
        this.spec = spec;
        this.limits = DomainDefaults.withOverrides(spec);
        this.global = Rates.bucket(spec.messagesPerSecond(),
                Math.max(1, (long) Math.ceil(spec.messagesPerSecond() * GLOBAL_BURST_SECONDS)), time);
        this.window = new SendWindowGate(window, clock);
        this.quota = new DailyQuota(spec.dailyQuota(), zone, clock, handedOverSince);
        this.time = time;
        this.parking = parking;
    }

    @Override
    public Turn awaitTurn(String domain) throws InterruptedException {
        String refusal = refusal();
        if (refusal != null) {
            return Turn.refused(refusal);
        }
        CountingParking waiting = new CountingParking(parking, time);
        DomainRate rate = rateOf(domain);
        if (rate != null) {
            rate.take(waiting);
        }
        global.asBlocking().consume(1, waiting);
        refusal = window.refusal();
        if (refusal == null && !quota.tryTake()) {
            refusal = quota.refusal();
        }
        return refusal == null ? Turn.granted(waiting.waited()) : Turn.refused(refusal);
    }

    @Override
    public String refusal() {
        String closed = window.refusal();
        return closed != null ? closed : quota.refusal();
    }

    @Override
    public void observe(String domain, SendResult result) {
        if (slowsDown(result)) {
            domains.computeIfAbsent(domain, this::newRate)
                    .slowDown(result.reply() != null ? result.reply().toString() : result.detail());
        }
    }

    @Override
    public int connections(String domain) {
        DomainLimit limit = limits.get(domain);
        return limit == null ? spec.connections() : Math.min(limit.connections(), spec.connections());
    }

    @Override
    public int messagesPerConnection(String domain) {
        DomainLimit limit = limits.get(domain);
        return limit == null ? Integer.MAX_VALUE : limit.messagesPerConnection();
    }

    /** The domain's current rate in messages per second (lowered after 421 or 4.7.x replies). */
    public double currentRate(String domain) {
        DomainRate rate = rateOf(domain);
        return rate == null ? spec.messagesPerSecond() : rate.current();
    }

    /** A domain with a limit always has a rate; others only once a receiver has slowed them down. */
    private DomainRate rateOf(String domain) {
        return limits.containsKey(domain) ? domains.computeIfAbsent(domain, this::newRate) : domains.get(domain);
    }

    /** A domain without a limit of its own starts from the global rate when a receiver slows it down. */
    private DomainRate newRate(String domain) {
        DomainLimit limit = limits.get(domain);
        return new DomainRate(domain, limit == null ? spec.messagesPerSecond() : limit.messagesPerSecond(), time);
    }

    /**
     * A 421 (any time, greeting included), a 4.7.x reply (rate or policy trouble at the receiver), or a
     * connection refused or reset: the "connection events" that ask us to go slower.
     */
    static boolean slowsDown(SendResult result) {
        if (result.outcome() == SendResult.Outcome.CONNECTION_FAILED) {
            return true;
        }
        SmtpReply reply = result.reply();
        return reply != null && reply.enhancedCode() != null && reply.enhancedCode().startsWith("4.7.");
    }

    /** Adds up how long one turn waited, on the buckets' own time. */
    private static final class CountingParking implements BlockingStrategy {
        private final BlockingStrategy delegate;
        private final TimeMeter time;
        private long waitedNanos;

        CountingParking(BlockingStrategy delegate, TimeMeter time) {
            this.delegate = delegate;
            this.time = time;
        }

        @Override
        public void park(long nanos) throws InterruptedException {
            long start = time.currentTimeNanos();
            delegate.park(nanos);
            waitedNanos += Math.max(0, time.currentTimeNanos() - start);
        }

        Duration waited() {
            return Duration.ofNanos(waitedNanos);
        }
    }
}
