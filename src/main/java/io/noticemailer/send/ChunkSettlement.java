package io.noticemailer.send;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.ledger.AddressMask;
import io.noticemailer.ledger.Delivery;

/**
 * The end of a claimed chunk in the ledger: the deliveries no worker attempted go back to due, every outcome is
 * recorded, and a delivery whose message may have left without an outcome is recorded UNKNOWN, never given back
 * (giving it back would send it again).
 */
final class ChunkSettlement {

    /** The send path's logger: operators filter on it. */
    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);

    private final SendLedger ledger;
    private final OutcomePolicy policy;
    private final Clock clock;
    private final SendEvents events;
    private final long runId;

    ChunkSettlement(SendLedger ledger, OutcomePolicy policy, Clock clock, SendEvents events, long runId) {
        this.ledger = ledger;
        this.policy = policy;
        this.clock = clock;
        this.events = events;
        this.runId = runId;
    }

    /**
     * Once every worker is done with the chunk: gives back what was not attempted, then records the outcomes, each
     * whatever became of the other, so that a failed record does not leave never-attempted deliveries claimed (a
     * later run would make them UNKNOWN).
     */
    void settle(ChunkProgress progress, Map<Long, PreparedNotice> prepared, long token) {
        // A delivery that may have left was prepared first: its notice is there.
        List<DeliveryOutcome> outcomes = progress.takeFinalOutcomes(id -> lostOutcome(prepared.get(id)));
        try {
            ledger.release(progress.notAttempted(), token, clock.instant());
        } finally {
            record(outcomes, token);
        }
    }

    /**
     * The dispatch stopped (stop requested, relay breaker): the notices no worker took go back to due and the
     * outcomes so far are recorded now, not after the messages in flight, so that a crash while those finish
     * leaves only them in doubt. Whatever fails here is done again by {@link #settle}.
     */
    void settleEarly(List<Delivery> withdrawn, ChunkProgress progress, long token) {
        List<Long> ids = withdrawn.stream().map(Delivery::id).toList();
        List<DeliveryOutcome> outcomes = progress.takeOutcomes();
        try {
            ledger.release(ids, token, clock.instant());
            record(outcomes, token);
        } catch (RuntimeException e) {
            progress.putBack(outcomes);
            log.warn("could not settle the chunk at once after the stop, doing it when the messages in flight are done: {}",
                    e.toString());
        }
    }

    private void record(List<DeliveryOutcome> outcomes, long token) {
        int unmatched = ledger.record(outcomes, token, runId);
        if (unmatched > 0) {
            log.warn("{} of {} outcomes were not recorded: their deliveries are no longer claimed under this run's claim"
                    + " (run={}); the ledger keeps what another run made of them", unmatched, outcomes.size(), runId);
        }
    }

    private DeliveryOutcome lostOutcome(PreparedNotice notice) {
        DeliveryOutcome outcome = policy.inDoubt(notice.delivery(), notice.messageId(),
                "the send path failed after handing the message to the transport, before its outcome was known",
                clock.instant()).withCharset(notice.charset());
        log.warn("UNKNOWN delivery={} customer={} to={}: its outcome was lost after the message was handed to the transport",
                outcome.deliveryId(), notice.delivery().customerId(), AddressMask.mask(notice.delivery().email()));
        // Progress and metrics count it like any other outcome; the ledger records it with the rest.
        events.attempted(outcome, Dispatch.domainOf(notice.delivery()), Duration.ZERO);
        return outcome;
    }
}
