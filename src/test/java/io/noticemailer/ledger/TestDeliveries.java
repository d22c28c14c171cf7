package io.noticemailer.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.JdbcTemplate;

/** PENDING deliveries written straight into a test ledger, as an import leaves them. */
public final class TestDeliveries {

    private TestDeliveries() {
    }

    /** Customers 1..count of {@code campaign}, imported at {@code importedAt}; returns their ids, in order. */
    public static List<Long> insert(JdbcTemplate jdbc, String campaign, int count, IntFunction<String> email, Instant importedAt) {
        LocalDateTime at = LocalDateTime.ofInstant(importedAt, ZoneOffset.UTC);
        jdbc.batchUpdate("INSERT INTO delivery (campaign_id, customer_id, source_line, email, name, cohort, management_code,"
                        + " fields, status, attempts, created_at, retry_since, updated_at)"
                        + " VALUES (?, ?, ?, ?, ?, 'card', ?, '{}', 'PENDING', 0, ?, ?, ?)",
                IntStream.rangeClosed(1, count).mapToObj(i -> new Object[] {campaign, "C" + i, i, email.apply(i), "顧客 " + i,
                        "CODE-" + i, at, at, at}).toList());
        return jdbc.queryForList("SELECT id FROM delivery WHERE campaign_id = ? ORDER BY id", Long.class, campaign);
    }

    public static String status(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT status FROM delivery WHERE id = ?", String.class, id);
    }

    /** The delivery's attempt history outcomes, oldest first. */
    public static List<String> history(JdbcTemplate jdbc, long id) {
        return jdbc.queryForList("SELECT outcome FROM delivery_attempt WHERE delivery_id = ? ORDER BY id", String.class, id);
    }

    public static Instant retrySince(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("SELECT retry_since FROM delivery WHERE id = ?", LocalDateTime.class, id)
                .toInstant(ZoneOffset.UTC);
    }
}
