package io.noticemailer.send;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

/**
 * Pacing for tests of the send path itself: every turn granted at once (or only the first few), connections per
 * domain as given, no other limit. The throttle's own rules are tested in the throttle package.
 */
class OpenPacing implements Pacing {

    private final ToIntFunction<String> connections;
    private final AtomicInteger turnsLeft = new AtomicInteger(Integer.MAX_VALUE);

    OpenPacing() {
        this(domain -> Integer.MAX_VALUE);
    }

    OpenPacing(ToIntFunction<String> connections) {
        this.connections = connections;
    }

    /** After {@code turns} granted turns, each is refused as when the send window closes. */
    OpenPacing grantingOnly(int turns) {
        turnsLeft.set(turns);
        return this;
    }

    @Override
    public Turn awaitTurn(String domain) throws InterruptedException {
        return turnsLeft.getAndDecrement() > 0 ? Turn.granted(Duration.ZERO) : Turn.refused("the send window closed");
    }

    @Override
    public String refusal() {
        return null;
    }

    @Override
    public void observe(String domain, SendResult result) {
    }

    @Override
    public int connections(String domain) {
        return connections.applyAsInt(domain);
    }

    @Override
    public int messagesPerConnection(String domain) {
        return Integer.MAX_VALUE;
    }
}
