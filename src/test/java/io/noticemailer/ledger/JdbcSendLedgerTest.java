package io.noticemailer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.Requeue;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SmtpReply;
import io.noticemailer.support.MariaDbTest;

/** The send path's ledger writes on a real MariaDB (and the claim on H2 as well, the embedded default). */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcSendLedgerTest {

    private static final Instant IMPORTED = Instant.parse("2026-11-30T01:00:00Z");
    private static final Instant FIRST_TRY = Instant.parse("2026-12-03T01:00:00Z");
    private static final SmtpReply POLICY = new SmtpReply(550, "5.7.1", "relaying denied");

    private JdbcTemplate jdbc;
    private SendLedger ledger;
    private LedgerQueries queries;

    @BeforeAll
    void ledger(DataSource mariaDb) {
        jdbc = LedgerSchema.migrate(mariaDb);
        ledger = LedgerSchema.sendLedger(mariaDb);
        queries = LedgerSchema.queries(mariaDb);
    }

    @Test
    void givenAFirstClaimOnMariaDbThenTheRetryLifetimeStartsThereAndALaterClaimKeepsIt() {
        assertTheFirstClaimStartsTheLifetime(jdbc, ledger, "lifetime-mariadb");
    }

    @Test
    void givenAFirstClaimOnH2ThenTheRetryLifetimeStartsThereAndALaterClaimKeepsIt() {
        onH2(JdbcSendLedgerTest::assertTheFirstClaimStartsTheLifetime, "lifetime-h2");
    }

    private static void assertTheFirstClaimStartsTheLifetime(JdbcTemplate jdbc, SendLedger ledger, String campaign) {
        long id = TestDeliveries.insert(jdbc, campaign, 1, i -> "c" + i + "@example.com", IMPORTED).get(0);

        assertThat(ledger.claim(List.of(id), 1, 1, FIRST_TRY)).containsExactly(id);
        assertThat(TestDeliveries.retrySince(jdbc, id)).isEqualTo(FIRST_TRY);
        ledger.record(List.of(new DeliveryOutcome(id, DeliveryStatus.DEFERRED, new SmtpReply(451, "4.3.0", "try later"),
                "temporarily rejected", "<1@test>", FIRST_TRY, FIRST_TRY.plusSeconds(300))), 1, 1);
        Instant secondTry = FIRST_TRY.plus(Duration.ofHours(1));
        assertThat(ledger.claim(List.of(id), 2, 2, secondTry)).containsExactly(id);

        assertThat(TestDeliveries.retrySince(jdbc, id)).as("kept from the first attempt").isEqualTo(FIRST_TRY);
        assertThat(jdbc.queryForObject("SELECT attempts FROM delivery WHERE id = ?", Integer.class, id)).isEqualTo(2);
    }

    @Test
    void givenAClaimOverDeliveriesInEveryStatusOnMariaDbThenOnlyTheDueAreTakenAndReturned() {
        assertOnlyTheDueAreClaimed(jdbc, ledger, "due-only-mariadb");
    }

    @Test
    void givenAClaimOverDeliveriesInEveryStatusOnH2ThenOnlyTheDueAreTakenAndReturned() {
        onH2(JdbcSendLedgerTest::assertOnlyTheDueAreClaimed, "due-only-h2");
    }

    /** Pending, deferred and due, deferred not yet due, claimed by another run, sent: only the first two are taken. */
    private static void assertOnlyTheDueAreClaimed(JdbcTemplate jdbc, SendLedger ledger, String campaign) {
        List<Long> ids = TestDeliveries.insert(jdbc, campaign, 5, i -> "c" + i + "@example.com", IMPORTED);
        jdbc.update("UPDATE delivery SET status = 'DEFERRED', attempts = 1, next_attempt_at = ? WHERE id = ?",
                UtcTimes.toDb(FIRST_TRY.minusSeconds(1)), ids.get(1));
        jdbc.update("UPDATE delivery SET status = 'DEFERRED', attempts = 1, next_attempt_at = ? WHERE id = ?",
                UtcTimes.toDb(FIRST_TRY.plusSeconds(1)), ids.get(2));
        assertThat(ledger.claim(List.of(ids.get(3)), 40, 1, FIRST_TRY)).containsExactly(ids.get(3));
        assertThat(ledger.claim(List.of(ids.get(4)), 41, 1, FIRST_TRY)).containsExactly(ids.get(4));
        ledger.record(List.of(sent(ids.get(4))), 41, 1);

        Set<Long> claimed = ledger.claim(ids, 42, 2, FIRST_TRY);

        assertThat(claimed).containsExactly(ids.get(0), ids.get(1));
        assertThat(ids.stream().map(id -> TestDeliveries.status(jdbc, id)).toList())
                .containsExactly("SENDING", "SENDING", "DEFERRED", "SENDING", "SENT");
        assertThat(jdbc.queryForList("SELECT claim_token FROM delivery WHERE campaign_id = ? ORDER BY id", Long.class, campaign))
                .containsExactly(42L, 42L, null, 40L, null);
        assertThat(ledger.claim(ids, 42, 2, FIRST_TRY)).as("a retry after a lost commit finds its own claims")
                .containsExactly(ids.get(0), ids.get(1));
    }

    @Test
    void givenAChunkOfEveryKindOfOutcomeOnMariaDbThenEachDeliveryAndItsOneHistoryRowHoldItsOutcome() {
        assertEveryOutcomeIsStoredAsGiven(jdbc, ledger, "outcomes-mariadb");
    }

    @Test
    void givenAChunkOfEveryKindOfOutcomeOnH2ThenEachDeliveryAndItsOneHistoryRowHoldItsOutcome() {
        onH2(JdbcSendLedgerTest::assertEveryOutcomeIsStoredAsGiven, "outcomes-h2");
    }

    private static void assertEveryOutcomeIsStoredAsGiven(JdbcTemplate jdbc, SendLedger ledger, String campaign) {
        List<Long> ids = TestDeliveries.insert(jdbc, campaign, 4, i -> "c" + i + "@example.com", IMPORTED);
        ledger.claim(ids, 50, 3, FIRST_TRY);
        Instant at = FIRST_TRY.plusSeconds(7);
        String longText = "x".repeat(1200);
        List<DeliveryOutcome> outcomes = List.of(
                new DeliveryOutcome(ids.get(0), DeliveryStatus.SENT, new SmtpReply(250, "2.0.0", "ok"), null, "<a@test>", at,
                        null, "ISO-2022-JP"),
                new DeliveryOutcome(ids.get(1), DeliveryStatus.DEFERRED, new SmtpReply(451, null, longText), "temporarily rejected",
                        "<b@test>", at, at.plusSeconds(300), "UTF-8"),
                new DeliveryOutcome(ids.get(2), DeliveryStatus.FAILED, POLICY, longText, "<c@test>", at, null, "UTF-8"),
                new DeliveryOutcome(ids.get(3), DeliveryStatus.UNKNOWN, null, "connection lost after the final dot", null, at,
                        null, null));

        List<DeliveryOutcome> backwards = new ArrayList<>(outcomes);
        Collections.reverse(backwards);

        assertThat(ledger.record(backwards, 50, 9)).isZero();

        assertThat(storedOutcomes(jdbc, campaign)).containsExactly(
                List.of("SENT", "250", "2.0.0", "ok", "-", "<a@test>", "2026-12-03T01:00:07", "-", "2026-12-03T01:00:07",
                        "ISO-2022-JP", "-"),
                List.of("DEFERRED", "451", "-", "x".repeat(1000), "temporarily rejected", "<b@test>", "-",
                        "2026-12-03T01:05:07", "2026-12-03T01:00:07", "UTF-8", "-"),
                List.of("FAILED", "550", "5.7.1", "relaying denied", "x".repeat(1000), "<c@test>", "-", "-",
                        "2026-12-03T01:00:07", "UTF-8", "-"),
                List.of("UNKNOWN", "-", "-", "-", "connection lost after the final dot", "-", "-", "-", "2026-12-03T01:00:07",
                        "-", "-"));
        assertThat(storedHistory(jdbc, campaign)).containsExactly(
                List.of("2026-12-03T01:00:07", "SENT", "250", "2.0.0", "ok", "-", "9"),
                List.of("2026-12-03T01:00:07", "DEFERRED", "451", "-", "x".repeat(1000), "temporarily rejected", "9"),
                List.of("2026-12-03T01:00:07", "FAILED", "550", "5.7.1", "relaying denied", "x".repeat(1000), "9"),
                List.of("2026-12-03T01:00:07", "UNKNOWN", "-", "-", "-", "connection lost after the final dot", "9"));
    }

    @Test
    void givenMoreOutcomesThanOneStatementTakesThenEveryOneIsRecordedOnceWithItsHistory() {
        List<Long> ids = TestDeliveries.insert(jdbc, "large-chunk", 450, i -> "c" + i + "@example.com", IMPORTED);
        assertThat(ledger.claim(ids, 60, 1, FIRST_TRY)).hasSize(450);

        assertThat(ledger.record(ids.stream().map(JdbcSendLedgerTest::sent).toList(), 60, 1)).isZero();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = 'large-chunk' AND status = 'SENT'"
                + " AND message_id = CONCAT('<', id, '@test>')", Integer.class)).isEqualTo(450);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = 'large-chunk'", Integer.class)).isEqualTo(450);
    }

    @Test
    void givenARunTakenForDeadThenItsLateRecordReplacesTheUnknownAndTheHistoryKeepsBoth() {
        long id = TestDeliveries.insert(jdbc, "late-record", 1, i -> "c" + i + "@example.com", IMPORTED).get(0);
        ledger.claim(List.of(id), 77, 1, FIRST_TRY);
        queries.markStaleSendingUnknown("late-record", FIRST_TRY.plusSeconds(60));
        assertThat(TestDeliveries.status(jdbc, id)).isEqualTo("UNKNOWN");

        int unmatched = ledger.record(List.of(sent(id)), 77, 1);

        assertThat(unmatched).isZero();
        assertThat(TestDeliveries.status(jdbc, id)).isEqualTo("SENT");
        assertThat(TestDeliveries.history(jdbc, id)).containsExactly("UNKNOWN", "SENT");
        assertThat(ledger.record(List.of(sent(id)), 77, 1)).as("recorded already").isEqualTo(1);
        assertThat(TestDeliveries.history(jdbc, id)).hasSize(2);
    }

    @Test
    void givenOutcomesOfDeliveriesNotClaimedUnderTheTokenThenTheyAreCountedAndChangeNothing() {
        List<Long> ids = TestDeliveries.insert(jdbc, "other-token", 2, i -> "c" + i + "@example.com", IMPORTED);
        ledger.claim(ids, 5, 1, FIRST_TRY);

        int unmatched = ledger.record(List.of(sent(ids.get(0)), sent(ids.get(1))), 6, 1);

        assertThat(unmatched).isEqualTo(2);
        assertThat(ids).allSatisfy(id -> {
            assertThat(TestDeliveries.status(jdbc, id)).isEqualTo("SENDING");
            assertThat(TestDeliveries.history(jdbc, id)).isEmpty();
        });
    }

    @Test
    void givenARequeueDoneTwiceByTheSameRunThenItsHistoryHasOneRequeue() {
        long id = TestDeliveries.insert(jdbc, "requeue-twice", 1, i -> "c" + i + "@example.com", IMPORTED).get(0);
        failOnPolicy(id, 11, 1);
        Requeue requeue = Requeue.of("550 5.7.1", "the relay rejected most messages", true);

        ledger.requeue(Set.of(id), 1, FIRST_TRY, requeue);
        ledger.requeue(Set.of(id), 1, FIRST_TRY, requeue);

        assertThat(TestDeliveries.status(jdbc, id)).isEqualTo("DEFERRED");
        assertThat(TestDeliveries.history(jdbc, id)).containsExactly("FAILED", "REQUEUED");
    }

    @Test
    void givenTheBreakerBlamesTheRelayAgainOnALaterRunForTheSameReplyThenTheDeliveryIsFailed() {
        List<Long> ids = TestDeliveries.insert(jdbc, "requeue-loop", 3, i -> "c" + i + "@example.com", IMPORTED);
        Requeue policy = Requeue.of("550 5.7.1", "the relay rejected most messages", true);
        ids.forEach(id -> failOnPolicy(id, 21, 1));
        ledger.requeue(ids, 1, FIRST_TRY, policy);
        ids.forEach(id -> failOnPolicy(id, 22, 2));

        Set<Long> givenUp = ledger.requeue(ids.subList(0, 1), 2, FIRST_TRY, policy);
        ledger.requeue(ids.subList(1, 2), 2, FIRST_TRY, Requeue.of("554 5.7.0", "another reply", true));
        ledger.requeue(ids.subList(2, 3), 2, FIRST_TRY, Requeue.of("550 5.7.1", "the relay is down", false));

        assertThat(givenUp).containsExactly(ids.get(0));
        assertThat(TestDeliveries.status(jdbc, ids.get(0))).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT reason FROM delivery WHERE id = ?", String.class, ids.get(0)))
                .contains("550 5.7.1", "second time");
        assertThat(TestDeliveries.status(jdbc, ids.get(1))).as("another reply").isEqualTo("DEFERRED");
        assertThat(TestDeliveries.status(jdbc, ids.get(2))).as("not to be given up").isEqualTo("DEFERRED");
    }

    @Test
    void givenAnOperatorResendBetweenTheTwoRequeuesThenTheDeliveryIsDueAgainNotFailed() {
        long id = TestDeliveries.insert(jdbc, "requeue-resend", 1, i -> "c" + i + "@example.com", IMPORTED).get(0);
        Requeue policy = Requeue.of("550 5.7.1", "the relay rejected most messages", true);
        failOnPolicy(id, 31, 1);
        ledger.requeue(Set.of(id), 1, FIRST_TRY, policy);
        failOnPolicy(id, 32, 2);
        ledger.requeue(Set.of(id), 2, FIRST_TRY, policy);
        new OperatorActions(jdbc).resend("requeue-resend", DeliveryStatus.FAILED, List.of(), "relay fixed", FIRST_TRY);
        failOnPolicy(id, 33, 3);

        assertThat(ledger.requeue(Set.of(id), 3, FIRST_TRY, policy)).isEmpty();
        assertThat(TestDeliveries.status(jdbc, id)).isEqualTo("DEFERRED");
    }

    /** Every ledger column an outcome writes, in id order, as text ("-" for NULL). */
    private static List<List<String>> storedOutcomes(JdbcTemplate jdbc, String campaign) {
        return jdbc.query("SELECT status, last_reply_code, last_enhanced_code, last_reply_text, reason, message_id, sent_at,"
                + " next_attempt_at, updated_at, mail_charset, claim_token FROM delivery WHERE campaign_id = ? ORDER BY id",
                (rs, n) -> textOf(rs, "sent_at", "next_attempt_at", "updated_at"), campaign);
    }

    private static List<List<String>> storedHistory(JdbcTemplate jdbc, String campaign) {
        return jdbc.query("SELECT a.attempted_at, a.outcome, a.reply_code, a.enhanced_code, a.reply_text, a.detail, a.run_id"
                + " FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.campaign_id = ? ORDER BY a.id",
                (rs, n) -> textOf(rs, "attempted_at"), campaign);
    }

    private static List<String> textOf(ResultSet rs, String... times) throws SQLException {
        List<String> values = new ArrayList<>();
        for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
            boolean time = List.of(times).contains(rs.getMetaData().getColumnLabel(column).toLowerCase(Locale.ROOT));
            Object value = time ? rs.getObject(column, LocalDateTime.class) : rs.getString(column);
            values.add(value == null ? "-" : value.toString());
        }
        return values;
    }

    /** The same check as on MariaDB, on a fresh H2 ledger (the embedded default, which records in its own way). */
    private static void onH2(LedgerCheck check, String campaign) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:send-ledger-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        check.check(LedgerSchema.migrate(h2), LedgerSchema.sendLedger(h2), campaign);
    }

    @FunctionalInterface
    private interface LedgerCheck {
        void check(JdbcTemplate jdbc, SendLedger ledger, String campaign);
    }

    /** One attempt of {@code run}: claimed, then rejected with the same 5.7.1 policy reply. */
    private void failOnPolicy(long id, long token, long run) {
        jdbc.update("UPDATE delivery SET next_attempt_at = NULL WHERE id = ?", id);
        assertThat(ledger.claim(List.of(id), token, run, FIRST_TRY)).containsExactly(id);
        ledger.record(List.of(new DeliveryOutcome(id, DeliveryStatus.FAILED, POLICY, "rejected by the server: " + POLICY,
                "<" + id + "@test>", FIRST_TRY, null)), token, run);
    }

    private static DeliveryOutcome sent(long id) {
        return new DeliveryOutcome(id, DeliveryStatus.SENT, new SmtpReply(250, "2.0.0", "ok"), null, "<" + id + "@test>",
                FIRST_TRY, null);
    }
}
