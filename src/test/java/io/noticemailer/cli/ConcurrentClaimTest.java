package io.noticemailer.cli;

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
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SmtpReply;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * Many workers race for the same campaign's due deliveries on a real MariaDB, each claiming its own: the
 * conditional claim hands every delivery to exactly one of them, however the claims overlap.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConcurrentClaimTest {

    private static final String CAMPAIGN = "claim-race";
    private static final int DELIVERIES = 600;
    private static final int WORKERS = 16;
    private static final int CLAIM_SIZE = 25;

    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) {
        cli = new CliHarness(database, Map.of());
    }

    @AfterAll
    void stop() {
        cli.close();
    }

    @Test
    void givenSixteenWorkersClaimingTheSameDueDeliveriesThenEachIsClaimedAndSentExactlyOnce() throws Exception {
        insertPending();
        SendLedger ledger = cli.bean(SendLedger.class);
        Map<Long, AtomicInteger> claimedTimes = new ConcurrentHashMap<>();
        AtomicLong claimAttempts = new AtomicLong();
        CyclicBarrier start = new CyclicBarrier(WORKERS);
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < WORKERS; w++) {
            long worker = w + 1;
            workers.add(pool.submit(() -> {
                start.await();
                work(ledger, worker, claimedTimes, claimAttempts);
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();

        assertThat(claimedTimes).hasSize(DELIVERIES);
        assertThat(claimedTimes.values()).allSatisfy(times -> assertThat(times.get()).isEqualTo(1));
        assertThat(claimAttempts.get()).as("the workers really competed for the same deliveries").isGreaterThan(DELIVERIES);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = 'SENT'"
                + " AND attempts = 1", Integer.class, CAMPAIGN)).isEqualTo(DELIVERIES);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ?", Integer.class, CAMPAIGN)).isEqualTo(DELIVERIES);
    }

    /** One worker: read what is due (the same rows the others read), claim a random part of it, "send", record. */
    private static void work(SendLedger ledger, long worker, Map<Long, AtomicInteger> claimedTimes, AtomicLong claimAttempts) {
        Random random = new Random(worker);
        while (true) {
            List<Delivery> due = ledger.findDue(CAMPAIGN, 0, Instant.now(), CLAIM_SIZE * 4);
            if (due.isEmpty()) {
                return;
            }
            List<Long> ids = new ArrayList<>(due.stream().map(Delivery::id).toList());
            Collections.shuffle(ids, random);
            List<Long> wanted = ids.subList(0, Math.min(CLAIM_SIZE, ids.size()));
            claimAttempts.addAndGet(wanted.size());
            long token = random.nextLong();
            Set<Long> claimed = ledger.claim(wanted, token, worker, Instant.now());
            claimed.forEach(id -> claimedTimes.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
            Instant now = Instant.now();
            ledger.record(claimed.stream().map(id -> new DeliveryOutcome(id, DeliveryStatus.SENT,
                    new SmtpReply(250, "2.0.0", "ok"), null, "<" + id + "@claim.test>", now, null)).toList(), token, worker);
        }
    }

    private void insertPending() {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= DELIVERIES; i++) {
            rows.add(new Object[] {CAMPAIGN, "C" + i, i, "c" + i + "@example.com", "顧客 " + i, "card", "CR-" + i});
        }
        cli.jdbc().batchUpdate("INSERT INTO delivery (campaign_id, customer_id, source_line, email, name, cohort,"
                + " management_code, fields, status, attempts, created_at, retry_since, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, '{}', 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                rows);
    }
}
