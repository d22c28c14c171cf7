package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.DeliveryStatus;

/** The fan-out of a claimed chunk to the workers: each notice once, per-domain connection limits, stop. */
class SendWorkersTest {

    private static final int WORKERS = 4;

    private final RunStop stop = new RunStop();
    private final Pacing oneConnectionForDocomo = new OpenPacing(domain -> domain.equals("docomo.ne.jp") ? 1 : WORKERS);
    private final SendWorkers workers = new SendWorkers(WORKERS, () -> new MailTransport() {
        @Override
        public SendResult send(jakarta.mail.internet.MimeMessage message, String recipient) {
            throw new AssertionError("not used by these tasks");
        }

        @Override
        public void close() {
        }
    }, oneConnectionForDocomo, stop, SendEvents.none());

    private final List<Delivery> withdrawn = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        workers.close();
    }

    @Test
    void givenTwoDomainsThenEveryDeliveryIsHandledOnceAndTheCarrierNeverGetsTwoWorkersAtOnce() {
        List<Delivery> deliveries = deliveries(40);
        Map<String, AtomicInteger> active = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> most = new ConcurrentHashMap<>();
        List<Long> handled = new CopyOnWriteArrayList<>();

        workers.runAll(new Dispatch(deliveries, oneConnectionForDocomo, stop, withdrawn::addAll), (worker, delivery) -> {
            String domain = Dispatch.domainOf(delivery);
            int now = active.computeIfAbsent(domain, d -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(domain, d -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            Thread.sleep(2);
            handled.add(delivery.id());
            active.get(domain).decrementAndGet();
        });

        assertThat(handled).hasSize(40).doesNotHaveDuplicates();
        assertThat(most.get("docomo.ne.jp").get()).isEqualTo(1);
        assertThat(most.get("example.com").get()).isBetween(1, WORKERS);
    }

    @Test
    void givenAStopRequestThenNoFurtherDeliveryIsHandedOut() {
        List<Long> handled = new CopyOnWriteArrayList<>();

        workers.runAll(new Dispatch(deliveries(40), oneConnectionForDocomo, stop, withdrawn::addAll), (worker, delivery) -> {
            handled.add(delivery.id());
            if (handled.size() == 5) {
                stop.request("test");
            }
        });

        assertThat(handled.size()).as("the five, and at most one more per other worker already under way")
                .isBetween(5, 5 + WORKERS - 1);
    }

    @Test
    void givenAStopWhileEveryWorkerIsBusyThenWhatNoWorkerTookIsWithdrawnWithoutWaitingForThem() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(WORKERS);
        CountDownLatch finish = new CountDownLatch(1);
        List<Long> handled = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> running = CompletableFuture.runAsync(() -> workers.runAll(
                new Dispatch(deliveries(40).stream().filter(d -> d.id() % 2 == 1).toList(), oneConnectionForDocomo,
                        stop, withdrawn::addAll), (worker, delivery) -> {
                    handled.add(delivery.id());
                    inFlight.countDown();
                    finish.await();
                }));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        stop.request("test");

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (withdrawn.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(withdrawn).as("withdrawn while the four were still in flight").hasSize(20 - WORKERS);
        finish.countDown();
        running.get(5, TimeUnit.SECONDS);
        assertThat(handled).hasSize(WORKERS).doesNotContainAnyElementsOf(withdrawn.stream().map(Delivery::id).toList());
    }

    @Test
    void givenATaskFailsThenTheOthersFinishAndTheFailureIsRethrown() {
        List<Long> handled = new CopyOnWriteArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> workers.runAll(
                new Dispatch(deliveries(40), oneConnectionForDocomo, stop, withdrawn::addAll), (worker, delivery) -> {
                    if (delivery.id() == 3) {
                        throw new IllegalStateException("boom");
                    }
                    // Real sends take time: instant tasks could drain the whole dispatch before the failing thread halts it.
                    Thread.sleep(100);
                    handled.add(delivery.id());
                })).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(handled.size()).as("the dispatch halted").isLessThan(39);
    }

    private static List<Delivery> deliveries(int count) {
        List<Delivery> deliveries = new ArrayList<>();
        for (long id = 1; id <= count; id++) {
            String email = (id % 2 == 0 ? "d" + id + "@docomo.ne.jp" : "e" + id + "@example.com");
            deliveries.add(new Delivery(id, "c", "C" + id, id, email, "name", "card", "XX-" + id, Map.of(),
                    DeliveryStatus.PENDING, 0, Instant.EPOCH, Instant.EPOCH, null));
        }
        return deliveries;
    }
}
