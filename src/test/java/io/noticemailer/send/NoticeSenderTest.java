package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.campaign.RetryPolicy;
import io.noticemailer.campaign.Sender;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.LedgerSchema;
import io.noticemailer.ledger.TestDeliveries;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.smtp.SmtpMailTransport;
import io.noticemailer.smtp.SmtpSessions;
import io.noticemailer.support.FakeTime;
import io.noticemailer.support.MariaDbTest;

/**
 * One chunk through the send path, against a real ledger on MariaDB and a real SMTP server on loopback, with
 * faults injected where the send path itself can fail: whatever fails, a message that may have left is never
 * given back to be sent again, and one that cannot have left is never left in doubt.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticeSenderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");

    private final RunStop stop = new RunStop();
    private final FakeTime clock = FakeTime.at(NOW);
    private JdbcTemplate jdbc;
    private SendLedger ledger;
    private ScriptedSmtpServer relay;
    private Session session;
    private NoticeSender sender;

    @BeforeAll
    void start(DataSource mariaDb) throws Exception {
        jdbc = LedgerSchema.migrate(mariaDb);
        ledger = LedgerSchema.sendLedger(mariaDb);
        relay = ScriptedSmtpServer.start();
        Properties timeouts = new Properties();
        timeouts.setProperty("mail.smtp.connectiontimeout", "5000");
        timeouts.setProperty("mail.smtp.timeout", "5000");
        timeouts.setProperty("mail.smtp.writetimeout", "5000");
        session = SmtpSessions.create(timeouts);
    }

    @BeforeEach
    void begin() {
        stop.begin();
        clock.set(NOW);
    }

    @AfterEach
    void closeSender() {
        relay.pause(false);
        if (sender != null) {
            sender.close();
        }
    }

    @AfterAll
    void stopRelay() throws Exception {
        relay.close();
    }

    @Test
    void givenAListenerThrowsAfterTheMessageWasSentThenItIsRecordedSentNotGivenBack() {
        List<PreparedNotice> notices = notices("listener", 3);
        SendEvents failing = new SendEvents() {
            @Override
            public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
                throw new IllegalStateException("display broke");
            }

            @Override
            public void throttled(String domain, Duration waited) {
            }
        };
        sender = sender(1, new OpenPacing(), UnaryOperator.identity(), failing, ledger);

        assertThatThrownBy(() -> sender.write(chunkOf(notices))).hasMessageContaining("display broke");

        assertThat(statusOf(notices.get(0))).isEqualTo("SENT");
        assertThat(relay.deliveredTo(notices.get(0).delivery().email())).isEqualTo(1);
        assertThat(statusOf(notices.get(1))).as("never handed over: due again").isEqualTo("PENDING");
    }

    @Test
    void givenAnErrorAfterTheTransportReturnedThenTheDeliveryIsUnknownNotGivenBack() {
        List<PreparedNotice> notices = notices("error-after-send", 2);
        String doomed = notices.get(0).delivery().email();
        sender = sender(1, new OpenPacing(), transport -> new AfterSend(transport, recipient -> {
            if (recipient.equals(doomed)) {
                throw new StackOverflowError("deep in the transport");
            }
            return null;
        }), SendEvents.none(), ledger);

        assertThatThrownBy(() -> sender.write(chunkOf(notices))).hasMessageContaining("StackOverflowError");

        assertThat(statusOf(notices.get(0))).isEqualTo("UNKNOWN");
        assertThat(reasonOf(notices.get(0))).contains("StackOverflowError");
        assertThat(relay.deliveredTo(doomed)).isEqualTo(1);
    }

    @Test
    void givenTheOutcomeIsLostAfterTheMessageLeftThenTheDeliveryIsUnknownNotGivenBackAndListenersHearOfIt() {
        List<PreparedNotice> notices = notices("garbled-result", 1);
        List<DeliveryStatus> heard = new CopyOnWriteArrayList<>();
        SendEvents listening = new SendEvents() {
            @Override
            public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
                heard.add(outcome.status());
            }

            @Override
            public void throttled(String domain, Duration waited) {
            }
        };
        sender = sender(1, new OpenPacing(), transport -> new AfterSend(transport,
                recipient -> new SendResult(null, null, "garbled")), listening, ledger);

        assertThatThrownBy(() -> sender.write(chunkOf(notices)));

        assertThat(statusOf(notices.get(0))).isEqualTo("UNKNOWN");
        assertThat(heard).as("progress and metrics count it too").containsExactly(DeliveryStatus.UNKNOWN);
        assertThat(reasonOf(notices.get(0))).contains("before its outcome was known");
        assertThat(relay.deliveredTo(notices.get(0).delivery().email())).isEqualTo(1);
    }

    @Test
    void givenTheThrottleFailsBeforeAnythingWasHandedOverThenTheDeliveryStaysDueNotUnknown() {
        List<PreparedNotice> notices = notices("throttle-broken", 2);
        OpenPacing broken = new OpenPacing() {
            @Override
            public Turn awaitTurn(String domain) {
                throw new IllegalStateException("bucket corrupted");
            }
        };
        sender = sender(1, broken, UnaryOperator.identity(), SendEvents.none(), ledger);

        assertThatThrownBy(() -> sender.write(chunkOf(notices))).hasMessageContaining("bucket corrupted");

        assertThat(notices).allSatisfy(notice -> {
            assertThat(statusOf(notice)).isEqualTo("PENDING");
            assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE id = ?", Integer.class,
                    notice.delivery().id())).isZero();
        });
        assertThat(relay.deliveredTo(notices.get(0).delivery().email())).isZero();
    }

    @Test
    void givenRecordingFailsThenTheDeliveriesNeverAttemptedAreStillGivenBack() {
        List<PreparedNotice> notices = notices("record-fails", 4);
        SendLedger recordFails = new RecordingHook(ledger, (outcomes, record) -> {
            throw new IllegalStateException("database gone");
        });
        sender = sender(1, new OpenPacing().grantingOnly(1), UnaryOperator.identity(), SendEvents.none(), recordFails);

        assertThatThrownBy(() -> sender.write(chunkOf(notices))).hasMessageContaining("database gone");

        assertThat(statusOf(notices.get(0))).as("sent, outcome not recorded: a later run makes it UNKNOWN")
                .isEqualTo("SENDING");
        assertThat(notices.subList(1, 4)).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("PENDING"));
    }

    @Test
    @Timeout(30)
    void givenAChunkBeingRecordedThenTheNextChunkIsClaimedAndSentMeanwhileAndBothAreRecordedWhenTheListEnds() throws Exception {
        List<PreparedNotice> first = notices("pipelined", 3);
        List<PreparedNotice> second = notices("pipelined-next", 3);
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch mayFinish = new CountDownLatch(1);
        SendLedger slowFirstRecord = new RecordingHook(ledger, (outcomes, record) -> {
            if (outcomes.stream().anyMatch(o -> o.deliveryId() == first.get(0).delivery().id())) {
                recording.countDown();
                awaitUninterruptibly(mayFinish);
            }
            return record.getAsInt();
        });
        sender = sender(2, new OpenPacing(), UnaryOperator.identity(), SendEvents.none(), slowFirstRecord);

        sender.write(chunkOf(first));
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> sender.write(chunkOf(second)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (deliveredTo(second) < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        assertThat(deliveredTo(second)).as("the second chunk went out while the first was being recorded").isEqualTo(3);
        assertThat(first).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENDING"));
        assertThat(second).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENDING"));
        Thread.sleep(300); // time for the workers to finish the chunk: what holds the write then is the record before it
        assertThat(writing).as("a chunk waits for the record before it").isNotDone();
        mayFinish.countDown();
        writing.get(10, TimeUnit.SECONDS);
        sender.listEnded();
        assertThat(first).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENT"));
        assertThat(second).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENT"));
    }

    @Test
    @Timeout(30)
    void givenTheBackgroundRecordOfAChunkFailsThenTheNextChunkIsStillRecordedAndTheFailureEndsTheStep() throws Exception {
        List<PreparedNotice> first = notices("record-fails-later", 2);
        List<PreparedNotice> second = notices("record-fails-later-next", 2);
        CountDownLatch mayFail = new CountDownLatch(1);
        SendLedger firstRecordFails = recordFailsOnceAllowed(first, mayFail);
        sender = sender(1, new OpenPacing(), UnaryOperator.identity(), SendEvents.none(), firstRecordFails);
        sender.write(chunkOf(first));
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> sender.write(chunkOf(second)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (deliveredTo(second) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }

        mayFail.countDown();

        assertThatThrownBy(() -> writing.get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        assertThat(first).as("sent, outcome not recorded: a later run makes it UNKNOWN")
                .allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENDING"));
        assertThat(second).as("recorded although the chunk before it was not")
                .allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENT"));
    }

    @Test
    @Timeout(30)
    void givenTheRecordBeforeFailedWhenTheBreakerTripsThenWhatItBlamedIsStillDueAgainAndTheRecordFailureIsReported() {
        List<PreparedNotice> first = notices("breaker-record-fails", 2);
        TestDeliveries.insert(jdbc, "breaker-record-fails-next", 10, i -> "policy-" + i + "@domain" + (i % 2) + ".example", NOW);
        List<PreparedNotice> second = prepare(ledger.findDue("breaker-record-fails-next", 0, NOW, 10));
        second.forEach(notice -> relay.failRecipient(notice.delivery().email(), "550 5.7.1 relaying denied for this client"));
        CountDownLatch mayFail = new CountDownLatch(1);
        SendLedger firstRecordFails = recordFailsOnceAllowed(first, mayFail);
        // The first record fails only once the next chunk is being sent: the failure is found when that chunk settles.
        Set<String> secondChunk = second.stream().map(notice -> notice.delivery().email()).collect(Collectors.toSet());
        sender = sender(1, new OpenPacing(), transport -> new AfterSend(transport, recipient -> {
            if (secondChunk.contains(recipient)) {
                mayFail.countDown();
            }
            return null;
        }), SendEvents.none(), firstRecordFails);
        sender.write(chunkOf(first));

        assertThatThrownBy(() -> sender.write(chunkOf(second))).hasMessage("database gone")
                .satisfies(e -> assertThat(e.getSuppressed()).hasAtLeastOneElementOfType(RelayUnavailableException.class));

        assertThat(second).as("blamed on the relay: due again, not FAILED")
                .allSatisfy(notice -> assertThat(statusOf(notice)).isIn("DEFERRED", "PENDING"));
        assertThat(second.stream().filter(notice -> statusOf(notice).equals("DEFERRED"))).as("the breaker's requeue ran")
                .isNotEmpty();
    }

    @Test
    void givenAStopWhileAMessageIsInFlightThenTheNoticesNotHandedOutAreGivenBackBeforeItFinishes() throws Exception {
        List<PreparedNotice> notices = notices("stop-in-flight", 5);
        CountDownLatch inFlight = new CountDownLatch(1);
        sender = sender(1, new OpenPacing(), transport -> new AfterSend(transport, recipient -> null) {
            @Override
            public SendResult send(MimeMessage message, String recipient) {
                inFlight.countDown();
                return super.send(message, recipient);
            }
        }, SendEvents.none(), ledger);
        relay.pause(true);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> sender.write(chunkOf(notices)));
        assertThat(inFlight.await(5, TimeUnit.SECONDS)).isTrue();

        stop.request("SIGTERM received");

        List<PreparedNotice> notHandedOut = notices.subList(1, 5);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (notHandedOut.stream().anyMatch(n -> !statusOf(n).equals("PENDING")) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(notHandedOut).as("given back while the first one is still in flight")
                .allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("PENDING"));
        assertThat(statusOf(notices.get(0))).isEqualTo("SENDING");
        relay.pause(false);
        writing.get(10, TimeUnit.SECONDS);
        assertThat(statusOf(notices.get(0))).isEqualTo("SENT");
    }

    @Test
    void givenAStopThenTheOutcomesSoFarAreRecordedBeforeTheMessagesInFlightFinish() throws Exception {
        List<PreparedNotice> notices = notices("stop-records-early", 6);
        String slow = notices.get(1).delivery().email();
        String last = notices.get(2).delivery().email();
        CountDownLatch finish = new CountDownLatch(1);
        sender = sender(2, new OpenPacing(), transport -> new AfterSend(transport, recipient -> null) {
            @Override
            public SendResult send(MimeMessage message, String recipient) {
                if (recipient.equals(slow)) {
                    awaitUninterruptibly(finish);
                }
                SendResult result = super.send(message, recipient);
                if (recipient.equals(last)) {
                    stop.request("SIGTERM received");
                }
                return result;
            }
        }, SendEvents.none(), ledger);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> sender.write(chunkOf(notices)));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!statusOf(notices.get(0)).equals("SENT") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(statusOf(notices.get(0))).as("recorded while the second is still in flight").isEqualTo("SENT");
        assertThat(statusOf(notices.get(1))).isEqualTo("SENDING");
        assertThat(notices.subList(3, 6)).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("PENDING"));
        finish.countDown();
        writing.get(10, TimeUnit.SECONDS);
        assertThat(notices.subList(0, 3)).allSatisfy(notice -> assertThat(statusOf(notice)).isEqualTo("SENT"));
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void givenACampaignImportedLongBeforeItsFirstAttemptThenTheRetryLifetimeCountsFromThatAttempt() {
        List<PreparedNotice> notices = notices("imported-monday", 1, NOW.minus(Duration.ofDays(6)));
        relay.failRecipient(notices.get(0).delivery().email(), "451 4.3.0 try again later");
        sender = sender(1, new OpenPacing(), UnaryOperator.identity(), SendEvents.none(), ledger);

        sender.write(chunkOf(notices));
        sender.listEnded();

        assertThat(statusOf(notices.get(0))).as("5 days' lifetime, imported 6 days ago, first tried now")
                .isEqualTo("DEFERRED");
        assertThat(TestDeliveries.retrySince(jdbc, notices.get(0).delivery().id())).isEqualTo(NOW);
        clock.advance(Duration.ofDays(5).plusMinutes(1));
        sender.write(new Chunk<>(ledger.findDue("imported-monday", 0, clock.instant(), 10)));
        assertThat(statusOf(notices.get(0))).isEqualTo("FAILED");
        assertThat(reasonOf(notices.get(0))).startsWith("expired");
    }

    private NoticeSender sender(int connections, Pacing pacing, UnaryOperator<MailTransport> wrap, SendEvents events,
                                SendLedger sendLedger) {
        SendWorkers workers = new SendWorkers(connections,
                () -> wrap.apply(new SmtpMailTransport(session, relay.host(), relay.port(), null, null)), pacing, stop, events);
        return new NoticeSender(sendLedger, this::prepare, workers, pacing, stop, () -> { }, new OutcomePolicy(RetryPolicy.defaults()), clock,
                new Random(), events, 1);
    }

    private List<PreparedNotice> notices(String campaign, int count) {
        return notices(campaign, count, NOW);
    }

    private List<PreparedNotice> notices(String campaign, int count, Instant importedAt) {
        TestDeliveries.insert(jdbc, campaign, count, i -> campaign + "-" + i + "@example.com", importedAt);
        return prepare(ledger.findDue(campaign, 0, NOW, count));
    }

    private List<PreparedNotice> prepare(List<Delivery> deliveries) {
        return deliveries.stream().map(this::prepare).toList();
    }

    /** What the sender's workers prepare for each delivery: the same message as the test's own notices. */
    private PreparedNotice prepare(Delivery d) {
        MessageComposer composer = new MessageComposer(session, new Sender("通知係", "support@dlmarket.example"),
                ZoneId.of("Asia/Tokyo"));
        String messageId = "<" + d.id() + "." + d.campaign() + "@dlmarket.example>";
        return new PreparedNotice(d, composer.compose(d.email(), new RenderedNotice("お知らせ", "本文\n"), messageId, NOW),
                messageId, null);
    }

    /** The real ledger, except that recording {@code chunk} fails with "database gone" once {@code mayFail} opens. */
    private SendLedger recordFailsOnceAllowed(List<PreparedNotice> chunk, CountDownLatch mayFail) {
        return new RecordingHook(ledger, (outcomes, record) -> {
            if (outcomes.stream().anyMatch(o -> o.deliveryId() == chunk.get(0).delivery().id())) {
                awaitUninterruptibly(mayFail);
                throw new IllegalStateException("database gone");
            }
            return record.getAsInt();
        });
    }

    private long deliveredTo(List<PreparedNotice> notices) {
        return notices.stream().mapToLong(notice -> relay.deliveredTo(notice.delivery().email())).sum();
    }

    private static Chunk<Delivery> chunkOf(List<PreparedNotice> notices) {
        return new Chunk<>(notices.stream().map(PreparedNotice::delivery).toList());
    }

    private String statusOf(PreparedNotice notice) {
        return TestDeliveries.status(jdbc, notice.delivery().id());
    }

    private String reasonOf(PreparedNotice notice) {
        return jdbc.queryForObject("SELECT reason FROM delivery WHERE id = ?", String.class, notice.delivery().id());
    }

    /** A fault that strikes after the real transport has sent the message: it may replace the result, or throw. */
    /** The real ledger, with a hook around record. */
    private static final class RecordingHook implements SendLedger {

        interface Hook {
            int record(List<DeliveryOutcome> outcomes, java.util.function.IntSupplier record);
        }

        private final SendLedger real;
        private final Hook hook;

        RecordingHook(SendLedger real, Hook hook) {
            this.real = real;
            this.hook = hook;
        }

        @Override
        public List<Delivery> findDue(String campaign, long afterId, Instant now, int max) {
            return real.findDue(campaign, afterId, now, max);
        }

        @Override
        public Set<Long> claim(java.util.Collection<Long> ids, long claimToken, long runId, Instant now) {
            return real.claim(ids, claimToken, runId, now);
        }

        @Override
        public int record(List<DeliveryOutcome> outcomes, long claimToken, long runId) {
            return hook.record(outcomes, () -> real.record(outcomes, claimToken, runId));
        }

        @Override
        public void release(java.util.Collection<Long> ids, long claimToken, Instant now) {
            real.release(ids, claimToken, now);
        }

        @Override
        public Set<Long> requeue(java.util.Collection<Long> ids, long runId, Instant now, Requeue requeue) {
            return real.requeue(ids, runId, now, requeue);
        }
    }

    private static class AfterSend implements MailTransport {

        interface Fault {
            /** The result to report instead, or null to report the real one. */
            SendResult after(String recipient);
        }

        private final MailTransport real;
        private final Fault fault;

        AfterSend(MailTransport real, Fault fault) {
            this.real = real;
            this.fault = fault;
        }

        @Override
        public SendResult send(MimeMessage message, String recipient) {
            SendResult result = real.send(message, recipient);
            SendResult replaced = fault.after(recipient);
            return replaced == null ? result : replaced;
        }

        @Override
        public void close() {
            real.close();
        }
    }
}
