package io.noticemailer.send;

import java.time.Duration;

/**
 * When the next message may go: rates (global and per recipient domain), slow-downs after 421 or 4.7.x
 * replies, the send window and the daily quota. The send workers ask before each message and report each
 * result; every such rule lives behind this interface (the {@code throttle} package). Thread-safe.
 */
public interface Pacing {

    /**
     * Blocks until one more message to {@code domain} (lower case) may be sent. A refused turn means no more
     * messages may go in this run (the send window closed, the daily quota is used up): the message is then
     * not sent and stays due.
     */
    Turn awaitTurn(String domain) throws InterruptedException;

    /** Why no message may be sent now in this run (window closed, quota used up), or null when one may. */
    String refusal();

    /** What the server finally answered for a message to {@code domain}. */
    void observe(String domain, SendResult result);

    /** How many workers may send to {@code domain} at the same time. */
    int connections(String domain);

    /** How many messages to {@code domain} one connection may carry before it is renewed. */
    int messagesPerConnection(String domain);

    /** A granted turn (and how long it was waited for), or the reason none will be granted in this run. */
    record Turn(boolean granted, Duration waited, String refusal) {

        public static Turn granted(Duration waited) {
            return new Turn(true, waited, null);
        }

        public static Turn refused(String reason) {
            return new Turn(false, Duration.ZERO, reason);
        }
    }
}
