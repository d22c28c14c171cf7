package io.noticemailer.send;

import java.time.Duration;
import java.util.List;

/**
 * What the send path reports as it goes, for the progress display and the metrics. Called by the send
 * workers, possibly from several threads at once: implementations must be thread-safe and cheap, and must
 * never throw (a failing display must not fail a delivery).
 */
public interface SendEvents {

    /**
     * One attempt whose outcome is about to be recorded.
     *
     * @param domain  the recipient's domain, lower case (never the address)
     * @param latency how long the transport took for this message; zero when nothing was sent (render failure)
     */
    void attempted(DeliveryOutcome outcome, String domain, Duration latency);

    /** A worker waited this long for the throttle before it could send to {@code domain}. */
    void throttled(String domain, Duration waited);

    /**
     * Every one of {@code listeners} (the progress display, metrics, a test's recorder) gets every event. A
     * listener that throws anyway is logged once and skipped for that event: it neither keeps the others from
     * the event nor reaches the send path, where it could lose an outcome.
     */
    static SendEvents all(List<? extends SendEvents> listeners) {
        return new IsolatedSendEvents(List.copyOf(listeners));
    }

    static SendEvents none() {
        return new SendEvents() {
            @Override
            public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
            }

            @Override
            public void throttled(String domain, Duration waited) {
            }
        };
    }
}
