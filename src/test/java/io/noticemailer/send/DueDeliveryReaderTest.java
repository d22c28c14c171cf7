package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.LedgerSchema;
import io.noticemailer.ledger.TestDeliveries;
import io.noticemailer.support.FakeTime;
import io.noticemailer.support.MariaDbTest;

/**
 * The reader says when it hands out nothing more, on every way the list can end: the writer records its chunks in
 * the background and the step must not end before they are recorded.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DueDeliveryReaderTest {

    private static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");

    private final FakeTime clock = FakeTime.at(NOW);
    private final AtomicInteger ended = new AtomicInteger();
    private JdbcTemplate jdbc;
    private SendLedger ledger;

    @BeforeAll
    void migrate(DataSource mariaDb) {
        jdbc = LedgerSchema.migrate(mariaDb);
        ledger = LedgerSchema.sendLedger(mariaDb);
    }

    @BeforeEach
    void resetCount() {
        ended.set(0);
    }

    @Test
    void givenEveryDueDeliveryWasHandedOutThenTheNextReadSaysTheListEndedBeforeItReturnsNothing() {
        TestDeliveries.insert(jdbc, "reader-exhausted", 5, i -> "r" + i + "@example.com", NOW);
        DueDeliveryReader reader = reader("reader-exhausted", Long.MAX_VALUE, new RunStop());

        List<Delivery> read = readAll(reader);

        assertThat(read).hasSize(5);
        assertThat(ended).as("once, at the read that returned nothing").hasValue(1);
    }

    @Test
    void givenTheLimitIsReachedThenTheListEnds() {
        TestDeliveries.insert(jdbc, "reader-limit", 5, i -> "l" + i + "@example.com", NOW);
        DueDeliveryReader reader = reader("reader-limit", 3, new RunStop());

        assertThat(readAll(reader)).hasSize(3);
        assertThat(ended).hasValue(1);
    }

    @Test
    void givenAStopThenTheListEndsAtTheNextRead() {
        TestDeliveries.insert(jdbc, "reader-stop", 5, i -> "s" + i + "@example.com", NOW);
        RunStop stop = new RunStop();
        stop.begin();
        DueDeliveryReader reader = reader("reader-stop", Long.MAX_VALUE, stop);
        assertThat(reader.read()).isNotNull();
        assertThat(ended).hasValue(0);

        stop.request("SIGTERM received");

        assertThat(reader.read()).isNull();
        assertThat(ended).hasValue(1);
    }

    @Test
    void givenTheLastRecordFailedThenTheReadThatEndsTheListFailsWithIt() {
        TestDeliveries.insert(jdbc, "reader-record-failed", 1, i -> "f" + i + "@example.com", NOW);
        DueDeliveryReader reader = new DueDeliveryReader(ledger, "reader-record-failed", clock, 10, Long.MAX_VALUE,
                new RunStop(), () -> {
                    throw new IllegalStateException("database gone");
                });
        assertThat(reader.read()).isNotNull();

        assertThatThrownBy(reader::read).hasMessage("database gone");
    }

    private DueDeliveryReader reader(String campaign, long limit, RunStop stop) {
        return new DueDeliveryReader(ledger, campaign, clock, 2, limit, stop, ended::incrementAndGet);
    }

    private static List<Delivery> readAll(DueDeliveryReader reader) {
        List<Delivery> read = new ArrayList<>();
        for (Delivery delivery; (delivery = reader.read()) != null; ) {
            read.add(delivery);
        }
        return read;
    }
}
