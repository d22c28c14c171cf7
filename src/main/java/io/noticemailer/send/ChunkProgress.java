package io.noticemailer.send;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongFunction;

/**
 * What became of one claimed chunk, filled in by the workers: which deliveries may have left (their message
 * was handed to the transport and nothing showed it did not reach the server) and which have an outcome, not
 * recorded yet. At the end of the chunk a delivery that may have left but has no outcome is in doubt, never
 * given back: giving it back would send it again. Thread-safe.
 */
final class ChunkProgress implements SendWorker.HandOver {

    private final Set<Long> claimed;
    private final Set<Long> mayHaveLeft = ConcurrentHashMap.newKeySet();
    private final Set<Long> withOutcome = ConcurrentHashMap.newKeySet();
    private final Queue<DeliveryOutcome> unrecorded = new ConcurrentLinkedQueue<>();

    ChunkProgress(Set<Long> claimed) {
        this.claimed = Set.copyOf(claimed);
    }

    @Override
    public void handing(long deliveryId) {
        mayHaveLeft.add(deliveryId);
    }

    @Override
    public void nothingLeft(long deliveryId) {
        mayHaveLeft.remove(deliveryId);
    }

    boolean mayHaveLeft(long deliveryId) {
        return mayHaveLeft.contains(deliveryId);
    }

    void add(DeliveryOutcome outcome) {
        withOutcome.add(outcome.deliveryId());
        unrecorded.add(outcome);
    }

    /** The outcomes not taken yet; the caller records them, or {@link #putBack(Collection) puts them back}. */
    List<DeliveryOutcome> takeOutcomes() {
        List<DeliveryOutcome> taken = new ArrayList<>();
        for (DeliveryOutcome outcome; (outcome = unrecorded.poll()) != null; ) {
            taken.add(outcome);
        }
        return taken;
    }

    void putBack(Collection<DeliveryOutcome> outcomes) {
        unrecorded.addAll(outcomes);
    }

    /** Once every worker is done: the outcomes not taken yet, plus {@code inDoubt} for each delivery that may have left without one. */
    List<DeliveryOutcome> takeFinalOutcomes(LongFunction<DeliveryOutcome> inDoubt) {
        List<DeliveryOutcome> all = takeOutcomes();
        mayHaveLeft.stream().filter(id -> !withOutcome.contains(id)).sorted().forEach(id -> all.add(inDoubt.apply(id)));
        return all;
    }

    /** Claimed deliveries that never reached the transport and have no outcome: they go back to due. */
    Set<Long> notAttempted() {
        Set<Long> left = new LinkedHashSet<>(claimed.stream().sorted().toList());
        left.removeAll(mayHaveLeft);
        left.removeAll(withOutcome);
        return left;
    }
}
