package io.noticemailer.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SmtpReply;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * What the send path's ledger writes cost per chunk on a real MariaDB, claim and record apart, through the
 * application's own ledger bean and connection pool (so with its Connector/J settings). A measurement, not a
 * test: its name keeps it out of the suite, and it asserts nothing about time. Run it on a quiet machine:
 * <pre>mvn -B test -Dtest=LedgerWriteCostHarness [-Dharness.deliveries=20000 -Dharness.rounds=4]</pre>
 * Each round claims and records a fresh campaign's deliveries in id order, as the send step does, and prints
 * the milliseconds per chunk; the first round also warms the JVM and the server up, so compare the later ones.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LedgerWriteCostHarness {

    private static final int CHUNK = 50;
    private static final SmtpReply ACCEPTED = new SmtpReply(250, "2.0.0", "Ok: queued as 4dQm2K1xYz");
    private static final SmtpReply GREYLISTED = new SmtpReply(451, "4.7.1", "Greylisted, please try again later");
    private static final SmtpReply NO_MAILBOX = new SmtpReply(550, "5.1.1", "<c@example.com>: Recipient address rejected");

    private final int deliveries = Integer.getInteger("harness.deliveries", 20_000);
    private final int rounds = Integer.getInteger("harness.rounds", 4);
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
    void givenFreshDeliveriesWhenClaimedAndRecordedChunkByChunkThenTheCostPerChunkIsPrinted() {
        SendLedger ledger = cli.bean(SendLedger.class);
        for (int round = 1; round <= rounds; round++) {
            String campaign = "cost-" + round;
            List<Long> ids = insertPending(campaign);
            Cost cost = claimAndRecord(ledger, ids, round);
            System.out.printf(Locale.ROOT, "ledger write cost, round %d: %d deliveries, chunks of %d: claim %.2f ms,"
                    + " record %.2f ms, together %.2f ms per chunk%n", round, ids.size(), CHUNK, cost.claimMs(),
                    cost.recordMs(), cost.claimMs() + cost.recordMs());
        }
    }

    private record Cost(double claimMs, double recordMs) {
    }

    private static Cost claimAndRecord(SendLedger ledger, List<Long> ids, long run) {
        long claimNanos = 0;
        long recordNanos = 0;
        int chunks = 0;
        for (int start = 0; start < ids.size(); start += CHUNK) {
            List<Long> chunk = ids.subList(start, Math.min(ids.size(), start + CHUNK));
            long token = run * 1_000_000 + chunks;
            long beforeClaim = System.nanoTime();
            Set<Long> claimed = ledger.claim(chunk, token, run, Instant.now());
            long afterClaim = System.nanoTime();
            List<DeliveryOutcome> outcomes = outcomes(claimed);
            long beforeRecord = System.nanoTime();
            int unmatched = ledger.record(outcomes, token, run);
            long afterRecord = System.nanoTime();
            if (claimed.size() != chunk.size() || unmatched != 0) {
                throw new IllegalStateException("chunk " + chunks + ": claimed " + claimed.size() + " of " + chunk.size()
                        + ", " + unmatched + " outcomes unmatched");
            }
            claimNanos += afterClaim - beforeClaim;
            recordNanos += afterRecord - beforeRecord;
            chunks++;
        }
        return new Cost(claimNanos / 1e6 / chunks, recordNanos / 1e6 / chunks);
    }

    /** A plausible chunk: most accepted, one in twenty greylisted, one in a hundred rejected for good. */
    private static List<DeliveryOutcome> outcomes(Set<Long> claimed) {
        Instant now = Instant.now();
        List<DeliveryOutcome> outcomes = new ArrayList<>();
        for (long id : claimed) {
            String messageId = "<" + id + ".Xk3p9Q@dlmarket.example>";
            DeliveryOutcome outcome;
            if (id % 100 == 0) {
                outcome = new DeliveryOutcome(id, DeliveryStatus.FAILED, NO_MAILBOX, "rejected by the server: " + NO_MAILBOX,
                        messageId, now, null);
            } else if (id % 20 == 0) {
                outcome = new DeliveryOutcome(id, DeliveryStatus.DEFERRED, GREYLISTED, "temporarily rejected: " + GREYLISTED,
                        messageId, now, now.plusSeconds(300));
            } else {
                outcome = new DeliveryOutcome(id, DeliveryStatus.SENT, ACCEPTED, null, messageId, now, null);
            }
            outcomes.add(outcome.withCharset("ISO-2022-JP"));
        }
        return outcomes;
    }

    private List<Long> insertPending(String campaign) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= deliveries; i++) {
            rows.add(new Object[] {campaign, "C" + i, i, "customer" + i + "@example.com", "顧客 " + i, "card", "CW-" + i,
                    "{\"決済日時\":\"2018-12-01 10:00\",\"金額\":\"12,800\"}"});
        }
        cli.jdbc().batchUpdate("INSERT INTO delivery (campaign_id, customer_id, source_line, email, name, cohort,"
                + " management_code, fields, status, attempts, created_at, retry_since, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)",
                rows);
        return cli.jdbc().queryForList("SELECT id FROM delivery WHERE campaign_id = ? ORDER BY id", Long.class, campaign);
    }
}
