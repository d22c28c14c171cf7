package io.noticemailer.send;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SendEvents#all(List)}: each listener on its own. A listener that throws is logged at its first
 * failure only (a broken display would otherwise log once per message) and skipped for that event.
 */
final class IsolatedSendEvents implements SendEvents {

    private static final Logger log = LoggerFactory.getLogger(IsolatedSendEvents.class);

    private final List<SendEvents> listeners;
    private final Set<SendEvents> failedBefore = ConcurrentHashMap.newKeySet();

    IsolatedSendEvents(List<SendEvents> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
        listeners.forEach(listener -> isolated(listener, l -> l.attempted(outcome, domain, latency)));
    }

    @Override
    public void throttled(String domain, Duration waited) {
        listeners.forEach(listener -> isolated(listener, l -> l.throttled(domain, waited)));
    }

    private void isolated(SendEvents listener, Consumer<SendEvents> event) {
        try {
            event.accept(listener);
        } catch (RuntimeException e) {
            if (failedBefore.add(listener)) {
                log.warn("send event listener {} failed, the send path goes on without it for this event"
                        + " (its later failures are not logged): {}", listener.getClass().getName(), e.toString());
            }
        }
    }
}
