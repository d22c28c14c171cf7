package io.noticemailer.send;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.noticemailer.ledger.Delivery;

/**
 * Hands the claimed deliveries of one chunk to the workers, in id order, skipping past those whose domain
 * already has as many workers on it as {@link Pacing#connections(String)} allows, so that a slow carrier
 * never holds up the other workers. Stops handing out once halted (relay breaker) or once a stop is
 * requested: what was not handed out is then {@link #withdrawIfStopped() withdrawn} at once, without waiting
 * for the messages in flight, and given back to the ledger as not attempted. Thread-safe.
 */
final class Dispatch {

    /** A waiting worker looks again this often, so that a stop request is seen without a notification. */
    private static final long RECHECK_MILLIS = 100;

    private final List<Delivery> pending;
    private final Pacing pacing;
    private final RunStop stop;
    private final Consumer<List<Delivery>> giveBack;
    private final Map<String, Integer> busy = new HashMap<>();
    private boolean halted;
    private boolean withdrawn;

    /** @param giveBack takes the deliveries withdrawn when the dispatch stopped (none of them handed out; maybe none) */
    Dispatch(List<Delivery> deliveries, Pacing pacing, RunStop stop, Consumer<List<Delivery>> giveBack) {
        this.pending = new ArrayList<>(deliveries);
        this.pacing = pacing;
        this.stop = stop;
        this.giveBack = giveBack;
    }

    /**
     * Once halted or asked to stop, takes every delivery not handed out yet (none, possibly) and gives them back,
     * once, so that a crash while the messages in flight finish cannot leave them claimed (they would become
     * UNKNOWN).
     */
    void withdrawIfStopped() {
        List<Delivery> left;
        synchronized (this) {
            if (withdrawn || !(halted || stop.requested())) {
                return;
            }
            withdrawn = true;
            left = List.copyOf(pending);
            pending.clear();
        }
        giveBack.accept(left);
    }

    /** The next delivery for a worker, or null when there is none left to hand out (or the dispatch stopped). */
    synchronized Delivery next() throws InterruptedException {
        while (!pending.isEmpty() && !halted && !stop.requested()) {
            Delivery free = takeFirstWithFreeDomain();
            if (free != null) {
                return free;
            }
            wait(RECHECK_MILLIS);
        }
        return null;
    }

    /** The worker is done with {@code delivery}: its domain has one worker less. */
    synchronized void done(Delivery delivery) {
        busy.merge(domainOf(delivery), -1, Integer::sum);
        notifyAll();
    }

    synchronized void halt() {
        halted = true;
        notifyAll();
    }

    private Delivery takeFirstWithFreeDomain() {
        for (Iterator<Delivery> it = pending.iterator(); it.hasNext(); ) {
            Delivery delivery = it.next();
            String domain = domainOf(delivery);
            int working = busy.getOrDefault(domain, 0);
            if (working < pacing.connections(domain)) {
                it.remove();
                busy.put(domain, working + 1);
                return delivery;
            }
        }
        return null;
    }

    static String domainOf(Delivery delivery) {
        return NoticeDomains.of(delivery.email());
    }
}
