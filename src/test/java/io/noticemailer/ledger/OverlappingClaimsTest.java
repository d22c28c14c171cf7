package io.noticemailer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SmtpReply;
import io.noticemailer.support.MariaDbTest;

/**
 * Claims and records of overlapping chunks racing on a real MariaDB, each one statement over its chunk's ids. A
 * deadlock would not fail the ledger call (InnoDB rolls a victim back and {@link LedgerRetry} tries again), so the
 * server's own deadlock counter is what must not move.
 */
@MariaDbTest
class OverlappingClaimsTest {

    private static final String CAMPAIGN = "overlap";
    private static final int DELIVERIES = 150;
    private static final int WORKERS = 4;
    private static final int ROUNDS = 150;
    private static final int CHUNK = 50;
    private static final Instant NOW = Instant.parse("2026-12-03T01:00:00Z");
    private static final SmtpReply GREYLISTED = new SmtpReply(451, "4.7.1", "try again later");

    @Test
    void givenWorkersClaimingAndRecordingOverlappingChunksOverAndOverThenInnoDbNeverDeadlocksNorHandsADeliveryToTwo(
            DataSource mariaDb) throws Exception {
        JdbcTemplate jdbc = LedgerSchema.migrate(mariaDb);
        SendLedger ledger = LedgerSchema.sendLedger(mariaDb);
        List<Long> ids = TestDeliveries.insert(jdbc, CAMPAIGN, DELIVERIES, i -> "c" + i + "@example.com", NOW);
        Race race = new Race();
        long deadlocksBefore = deadlocks(jdbc);

        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        CyclicBarrier start = new CyclicBarrier(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 1; w <= WORKERS; w++) {
            long worker = w;
            workers.add(pool.submit(() -> {
                start.await();
                race.work(ledger, ids, worker);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(deadlocks(jdbc) - deadlocksBefore).as("InnoDB deadlocks during the race").isZero();
        assertThat(race.claimedByTwo.get()).isZero();
        assertThat(race.unmatched.get()).isZero();
        assertThat(race.refused.get()).as("the workers really wanted the same deliveries at once").isPositive();
        assertThat(jdbc.queryForObject("SELECT SUM(attempts) FROM delivery WHERE campaign_id = ?", Integer.class, CAMPAIGN))
                .isEqualTo(race.recorded.get());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ?", Integer.class, CAMPAIGN)).isEqualTo(race.recorded.get());
    }

    /** What the workers saw: every delivery is held by at most one claim token at a time. */
    private static final class Race {
        final Map<Long, Long> holders = new ConcurrentHashMap<>();
        final AtomicInteger claimedByTwo = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final AtomicInteger recorded = new AtomicInteger();
        final AtomicInteger unmatched = new AtomicInteger();

        /**
         * Claims a random chunk of the same deliveries again and again (its ids in random order), and records each
         * claimed one DEFERRED and due at once, so that it is wanted again. The holder is let go before the record:
         * until the record commits, no other claim can take the delivery.
         */
        void work(SendLedger ledger, List<Long> ids, long worker) {
            Random random = new Random(worker);
            for (int round = 0; round < ROUNDS; round++) {
                List<Long> wanted = new ArrayList<>(ids);
                Collections.shuffle(wanted, random);
                wanted = wanted.subList(0, CHUNK);
                long token = worker * 1_000_000 + round;
                Set<Long> claimed = ledger.claim(wanted, token, worker, NOW);
                refused.addAndGet(CHUNK - claimed.size());
                claimed.forEach(id -> {
                    if (holders.putIfAbsent(id, token) != null) {
                        claimedByTwo.incrementAndGet();
                    }
                });
                claimed.forEach(id -> holders.remove(id, token));
                unmatched.addAndGet(ledger.record(claimed.stream().map(id -> new DeliveryOutcome(id, DeliveryStatus.DEFERRED,
                        GREYLISTED, "temporarily rejected", "<" + id + "@overlap.test>", NOW, NOW.minusSeconds(1))).toList(),
                        token, worker));
                recorded.addAndGet(claimed.size());
            }
        }
    }

    private static long deadlocks(JdbcTemplate jdbc) {
        return jdbc.query("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'", rs -> {
            rs.next();
            return rs.getLong(2);
        });
    }
}
