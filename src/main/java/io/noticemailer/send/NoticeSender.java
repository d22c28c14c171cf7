package io.noticemailer.send;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
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
 * writes the ledger. The record runs on a thread of its own ({@link OutcomeRecorder}) while the next chunk is
 * read, claimed and sent, so the workers do not wait for it. A delivery that was not claimed is not sent, so
 * Spring Batch re-invoking this writer with items it already wrote (chunk retry, scan) cannot send anything
 * twice; and what can be in doubt after a crash is at most two chunks: one being recorded, one being sent.
 *
 * <p>Nothing is claimed once a stop is requested (signal, send window closed, daily quota used up). When
 * the relay itself fails (see {@link RelayBreaker}) the run stops with {@link RelayUnavailableException} and
 * the deliveries that failed because of it are made due again instead of failed.
 */
public class NoticeSender implements ItemWriter<Delivery>, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final SendLedger ledger;
    private final Function<Delivery, PreparedNotice> preparer;
    private final SendWorkers workers;
    private final Pacing pacing;
    private final RunStop stop;
    private final Runnable beforeClaim;
    private final OutcomePolicy policy;
    private final Clock clock;
    private final RandomGenerator tokens;
    private final SendEvents events;
    private final long runId;
    private final ChunkSettlement settlement;
    private final OutcomeRecorder recorder = new OutcomeRecorder();
    private final RelayBreaker breaker = new RelayBreaker();

    /** @param beforeClaim run before each claim; throws when this run may no longer claim (its lock is lost) */
    public NoticeSender(SendLedger ledger, Function<Delivery, PreparedNotice> preparer, SendWorkers workers, Pacing pacing,
                        RunStop stop, Runnable beforeClaim, OutcomePolicy policy, Clock clock, RandomGenerator tokens,
                        SendEvents events, long runId) {
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
        this.settlement = new ChunkSettlement(ledger, policy, clock, events, runId);
    }

    @Override
    public void write(Chunk<? extends Delivery> chunk) {
        recorder.throwIfFailed();
        if (stoppingBeforeClaim()) {
            return;
        }
        beforeClaim.run();
        Map<Long, Delivery> byId = new LinkedHashMap<>();
        chunk.forEach(delivery -> byId.put(delivery.id(), delivery));
        long token = tokens.nextLong();
        Set<Long> claimed = ledger.claim(byId.keySet(), token, runId, clock.instant());
        ChunkProgress progress = new ChunkProgress(claimed);
        Map<Long, PreparedNotice> prepared = new ConcurrentHashMap<>();
        Dispatch dispatch = new Dispatch(claimed.stream().map(byId::get).toList(), pacing, stop,
                withdrawn -> settlement.settleEarly(withdrawn, progress, token));
        Runnable settle = () -> settlement.settle(progress, prepared, token);
        try {
            workers.runAll(dispatch, (worker, delivery) -> prepareAndAttempt(worker, delivery, prepared, dispatch, progress));
        } catch (RuntimeException | Error e) {
            settleKeeping(e, settle);
            throw e;
        }
        if (breaker.tripped()) {
            stopForTheRelay(settle);
        } else if (stop.requested()) {
            // A stopped run ends with this chunk: its outcomes go to the ledger now.
            recorder.settleNow(settle);
        } else {
            recorder.settleLater(settle);
        }
    }

    /** Settles the chunk after it failed, keeping that failure the one reported. */
    private void settleKeeping(Throwable failure, Runnable settle) {
        try {
            recorder.settleNow(settle);
        } catch (RuntimeException | Error e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * The breaker makes what it blamed due again, which needs this chunk's outcomes recorded first; and it must do
     * so even when an earlier chunk's record failed, or the customers it blamed would stay FAILED.
     */
    private void stopForTheRelay(Runnable settle) {
        try {
            recorder.settleNow(settle);
        } catch (RuntimeException recordFailed) {
            try {
                stopIfTheRelayFails();
            } catch (RuntimeException e) {
                recordFailed.addSuppressed(e);
            }
            throw recordFailed;
        }
        stopIfTheRelayFails();
    }

    /**
     * The reader hands out nothing more: waits until every chunk is recorded (throwing what failed), and records
     * any later chunk before {@link #write} returns.
     */
    public void listEnded() {
        recorder.ended();
    }

    private boolean stoppingBeforeClaim() {
        String refusal = pacing.refusal();
        if (refusal != null) {
            stop.request(refusal);
        }
        return stop.requested();
    }

    /** Runs on a worker thread: renders and composes there, so that the step's thread only talks to the ledger. */
    private void prepareAndAttempt(SendWorker worker, Delivery delivery, Map<Long, PreparedNotice> prepared,
                                   Dispatch dispatch, ChunkProgress progress) throws InterruptedException {
        PreparedNotice notice = preparer.apply(delivery);
        prepared.put(delivery.id(), notice);
        attempt(worker, notice, dispatch, progress);
    }

    /** Runs on a worker thread. A notice that leaves no outcome here and never reached the transport stays due. */
    private void attempt(SendWorker worker, PreparedNotice notice, Dispatch dispatch, ChunkProgress progress)
            throws InterruptedException {
        String domain = Dispatch.domainOf(notice.delivery());
        if (notice.renderFailure() != null) {
            report(progress, notice, domain, policy.renderFailed(notice.delivery(), notice.messageId(),
                    notice.renderFailure(), clock.instant()), Duration.ZERO);
            return;
        }
        Optional<Attempt> attempt;
        try {
            attempt = worker.send(notice, domain, progress);
        } catch (Throwable e) {
            // After the hand-over whether the message left cannot be known: never guess that it did not.
            // Before it (the throttle failed), nothing left: no outcome, so it is given back.
            if (progress.mayHaveLeft(notice.delivery().id())) {
                report(progress, notice, domain, policy.inDoubt(notice.delivery(), notice.messageId(),
                        "unexpected failure while sending: " + e, clock.instant()), Duration.ZERO);
            }
            throw e;
        }
        if (attempt.isEmpty()) {
            return;
        }
        SendResult result = attempt.get().result();
        report(progress, notice, domain, policy.decide(notice.delivery(), notice.messageId(), result, clock.instant()),
                attempt.get().latency());
        if (breaker.observe(notice.delivery().id(), domain, result)) {
            dispatch.halt();
        }
    }

    private void stopIfTheRelayFails() {
        if (!breaker.tripped()) {
            return;
        }
        Set<Long> blamed = breaker.blamed();
        Set<Long> givenUp = ledger.requeue(blamed, runId, clock.instant(),
                Requeue.of(breaker.signature(), breaker.reason(), breaker.trippedOnReplies()));
        int dueAgain = blamed.size() - givenUp.size();
        log.warn("stopping: {}; {} deliveries recorded as failing because of it are due again, {} failed as the breaker"
                + " had blamed the relay for them before", breaker.reason(), dueAgain, givenUp.size());
        throw new RelayUnavailableException(breaker.reason() + "; nothing more was sent, " + dueAgain
                + " deliveries that failed because of it are due again" + (givenUp.isEmpty() ? "" : ", " + givenUp.size()
                + " blamed on the relay for the same reply on an earlier run are FAILED")
                + " and the rest stays PENDING: fix the relay and run again");
    }

    /** Waits for the last chunk's record, then closes the workers' connections (QUIT). */
    @Override
    public void close() {
        try {
            recorder.close();
        } finally {
            workers.close();
        }
    }

    /** Queues the outcome before anyone hears of it: a failing listener cannot lose it. */
    private void report(ChunkProgress progress, PreparedNotice notice, String domain, DeliveryOutcome attempted,
                        Duration latency) {
        DeliveryOutcome outcome = attempted.withCharset(notice.charset());
        progress.add(outcome);
        if (outcome.status() == DeliveryStatus.SENT) {
            log.debug("sent delivery={} to={}", outcome.deliveryId(), AddressMask.mask(notice.delivery().email()));
        } else {
            log.info("{} delivery={} customer={} to={} reason={}", outcome.status(), outcome.deliveryId(),
                    notice.delivery().customerId(), AddressMask.mask(notice.delivery().email()), outcome.reason());
        }
        events.attempted(outcome, domain, latency);
    }
}
