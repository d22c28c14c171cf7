package io.noticemailer.send;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.noticemailer.ledger.AddressMask;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.DeliveryStatus;

/**
 * The send path, for one chunk: claim (committed) → the parallel workers render each claimed notice and send
 * it when the throttle gives it a turn → record every outcome, give back what was not attempted. Rendering
 * on the workers rather than in a step processor keeps both cores busy: the step's thread only reads and
 * writes the ledger. A delivery that
 * was not claimed is not sent, so Spring Batch re-invoking this writer with items it already wrote (chunk
 * retry, scan) cannot send anything twice; and what can be in doubt after a crash is at most one chunk.
 *
 * <p>Nothing is claimed once a stop is requested (signal, send window closed, daily quota used up). When
 * the relay itself fails (see {@link RelayBreaker}) the run stops with {@link RelayUnavailableException} and
 * the deliveries that failed because of it are made due again instead of failed.
 */
public class NoticeSender implements ItemWriter<Delivery>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final SendLedger ledger;
    private final NoticePreparer preparer;
    private final SendWorkers workers;
    private final Pacing pacing;
    private final RunStop stop;
    private final Runnable beforeClaim;
    private final OutcomePolicy policy;
    private final Clock clock;
    private final RandomGenerator tokens;
    private final SendEvents events;
    private final long runId;
    private final RelayBreaker breaker = new RelayBreaker();

    /** @param beforeClaim run before each claim; throws when this run may no longer claim (its lock is lost) */
    public NoticeSender(SendLedger ledger, NoticePreparer preparer, SendWorkers workers, Pacing pacing, RunStop stop, Runnable beforeClaim,
                        OutcomePolicy policy, Clock clock, RandomGenerator tokens, SendEvents events, long runId) {
        this.ledger = ledger;
        this.preparer = preparer;
        this.workers = workers;
        this.pacing = pacing;
        this.stop = stop;
        this.beforeClaim = beforeClaim;
        this.policy = policy;
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends Delivery> chunk) {
        if (stoppingBeforeClaim()) {
            return;
        }
        beforeClaim.run();
        Map<Long, Delivery> byId = new LinkedHashMap<>();
        chunk.forEach(delivery -> byId.put(delivery.id(), delivery));
        long token = tokens.nextLong();
        Set<Long> claimed = ledger.claim(byId.keySet(), token, runId, clock.instant());
        Queue<DeliveryOutcome> outcomes = new ConcurrentLinkedQueue<>();
        Dispatch dispatch = new Dispatch(claimed.stream().map(byId::get).toList(), pacing, stop);
        try {
            workers.runAll(dispatch, (worker, delivery) -> attempt(worker, preparer.process(delivery), dispatch, outcomes));
        } finally {
            List<DeliveryOutcome> done = List.copyOf(outcomes);
            ledger.record(done, token, runId);
            Set<Long> notAttempted = new LinkedHashSet<>(claimed);
            done.forEach(outcome -> notAttempted.remove(outcome.deliveryId()));
            ledger.release(notAttempted, token, clock.instant());
        }
        stopIfTheRelayFails();
    }

    private boolean stoppingBeforeClaim() {
        String refusal = pacing.refusal();
        if (refusal != null) {
            stop.request(refusal);
        }
        return stop.requested();
    }

    /** Runs on a worker thread. A notice that leaves no outcome here was not attempted and stays due. */
    private void attempt(SendWorker worker, PreparedNotice notice, Dispatch dispatch, Queue<DeliveryOutcome> outcomes)
            throws InterruptedException {
        String domain = Dispatch.domainOf(notice.delivery());
        if (notice.renderFailure() != null) {
            outcomes.add(reported(notice, domain, policy.renderFailed(notice.delivery(), notice.messageId(),
                    notice.renderFailure(), clock.instant()), Duration.ZERO));
            return;
        }
        Optional<Attempt> attempt;
        try {
            attempt = worker.send(notice, domain);
        } catch (RuntimeException e) {
            // Whether the message left cannot be known: never guess that it did not.
            outcomes.add(reported(notice, domain, policy.inDoubt(notice.delivery(), notice.messageId(),
                    "unexpected failure while sending: " + e, clock.instant()), Duration.ZERO));
            throw e;
        }
        if (attempt.isEmpty()) {
            return;
        }
        SendResult result = attempt.get().result();
        outcomes.add(reported(notice, domain, policy.decide(notice.delivery(), notice.messageId(), result, clock.instant()),
                attempt.get().latency()));
        if (breaker.observe(notice.delivery().id(), domain, result)) {
            dispatch.halt();
        }
    }

    private void stopIfTheRelayFails() {
        if (!breaker.tripped()) {
            return;
        }
        Set<Long> blamed = breaker.blamed();
        ledger.requeue(blamed, runId, clock.instant(), "due again: the relay failed, not the recipient (" + breaker.reason() + ")");
        log.warn("stopping: {}; {} deliveries recorded as failing because of it are due again", breaker.reason(), blamed.size());
        throw new RelayUnavailableException(breaker.reason() + "; nothing more was sent, " + blamed.size()
                + " deliveries that failed because of it are due again and the rest stays PENDING: fix the relay and run again");
    }

    /** Closes the workers' connections (QUIT). */
    @Override
    public void close() {
        workers.close();
    }

    private DeliveryOutcome reported(PreparedNotice notice, String domain, DeliveryOutcome attempted, Duration latency) {
        DeliveryOutcome outcome = attempted.withCharset(notice.charset());
        events.attempted(outcome, domain, latency);
        if (outcome.status() == DeliveryStatus.SENT) {
            log.debug("sent delivery={} to={}", outcome.deliveryId(), AddressMask.mask(notice.delivery().email()));
        } else {
            log.info("{} delivery={} customer={} to={} reason={}", outcome.status(), outcome.deliveryId(),
                    notice.delivery().customerId(), AddressMask.mask(notice.delivery().email()), outcome.reason());
        }
        return outcome;
    }
}
