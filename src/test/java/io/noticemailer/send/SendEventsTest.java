package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import io.noticemailer.ledger.DeliveryStatus;

/** The listeners of the send path's events, together: one that throws cannot keep the others or the send path from going on. */
class SendEventsTest {

    private static final DeliveryOutcome SENT = new DeliveryOutcome(1, DeliveryStatus.SENT, null, null, "<1@test>",
            Instant.EPOCH, null);

    @Test
    void givenAListenerThatThrowsThenTheOthersGetEveryEventAndNothingReachesTheCaller() {
        List<String> heard = new CopyOnWriteArrayList<>();
        SendEvents all = SendEvents.all(List.of(new Recording("first", heard), new Throwing(), new Recording("last", heard)));

        all.attempted(SENT, "example.com", Duration.ZERO);
        all.throttled("docomo.ne.jp", Duration.ofMillis(500));
        all.attempted(SENT, "example.com", Duration.ZERO);

        assertThat(heard).containsExactly("first attempted", "last attempted", "first throttled", "last throttled",
                "first attempted", "last attempted");
    }

    private record Recording(String name, List<String> heard) implements SendEvents {
        @Override
        public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
            heard.add(name + " attempted");
        }

        @Override
        public void throttled(String domain, Duration waited) {
            heard.add(name + " throttled");
        }
    }

    private static final class Throwing implements SendEvents {
        @Override
        public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
            throw new IllegalStateException("display broke");
        }

        @Override
        public void throttled(String domain, Duration waited) {
            throw new IllegalStateException("display broke");
        }
    }
}
