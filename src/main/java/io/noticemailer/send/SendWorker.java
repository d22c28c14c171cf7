package io.noticemailer.send;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One SMTP connection, used by one thread at a time. It keeps the connection across messages, renews it
 * when a domain has had its {@link Pacing#messagesPerConnection(String) messages per connection} on it, and
 * retries a message at once on a new connection when the connection failed before the message could be
 * handed over (nothing reached the server, so this cannot send twice).
 */
final class SendWorker implements AutoCloseable {

    /** Told around each hand-over of a message to the transport, so that a failure in between cannot lose it. */
    interface HandOver {
        /** The message is about to be handed to the transport: from now on it may have left. */
        void handing(long deliveryId);

        /** The transport answered that the connection failed before the message was handed over. */
        void nothingLeft(long deliveryId);
    }

    /** A message whose connection failed is tried this many more times at once, each on a new connection. */
    static final int CONNECTION_RETRIES = 2;

    private final MailTransport transport;
    private final Pacing pacing;
    private final RunStop stop;
    private final SendEvents events;
    private final Map<String, Integer> sentOnConnection = new HashMap<>();

    SendWorker(MailTransport transport, Pacing pacing, RunStop stop, SendEvents events) {
        this.transport = transport;
        this.pacing = pacing;
        this.stop = stop;
        this.events = events;
    }

    /**
     * Sends one message when its turn comes, and returns the server's last answer. Empty when nothing was
     * handed to the transport: no turn was granted (send window closed, daily quota used up) or a stop was
     * requested while waiting. Every try, retries included, waits for its turn, so a retry after a 421 goes
     * at the rate the 421 has just halved. {@code handOver} hears of each try.
     */
    Optional<Attempt> send(PreparedNotice notice, String domain, HandOver handOver) throws InterruptedException {
        long deliveryId = notice.delivery().id();
        SendResult result = null;
        long transportNanos = 0;
        for (int attempt = 0; attempt <= CONNECTION_RETRIES; attempt++) {
            if (!turnGranted(domain)) {
                break;
            }
            renewIfDomainHadEnough(domain);
            long started = System.nanoTime();
            handOver.handing(deliveryId);
            result = transport.send(notice.message(), notice.delivery().email());
            transportNanos += System.nanoTime() - started;
            if (result.outcome() == SendResult.Outcome.CONNECTION_FAILED) {
                handOver.nothingLeft(deliveryId);
            }
            sentOnConnection.merge(domain, 1, Integer::sum);
            pacing.observe(domain, result);
            if (!RelayBreaker.worthRetrying(result)) {
                break;
            }
            renew();
        }
        return result == null ? Optional.empty() : Optional.of(new Attempt(result, Duration.ofNanos(transportNanos)));
    }

    private boolean turnGranted(String domain) throws InterruptedException {
        Pacing.Turn turn = pacing.awaitTurn(domain);
        if (!turn.waited().isZero()) {
            events.throttled(domain, turn.waited());
        }
        if (!turn.granted()) {
            stop.request(turn.refusal());
            return false;
        }
        return !stop.requested();
    }

    private void renewIfDomainHadEnough(String domain) {
        if (sentOnConnection.getOrDefault(domain, 0) >= pacing.messagesPerConnection(domain)) {
            renew();
        }
    }

    /** The next message opens a new connection. */
    private void renew() {
        transport.close();
        sentOnConnection.clear();
    }

    @Override
    public void close() {
        transport.close();
    }
}
