package io.noticemailer.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SmtpReply;

/** Writes a chunk's outcomes onto their delivery rows, in as few statements as the database allows. */
final class OutcomeWrites {

    /**
     * Keeps one statement of outcomes far below max_allowed_packet (16 MiB on MariaDB) whatever the chunk size: a row
     * takes at most about 9 KiB (two texts of 1,000 characters, a Message-ID, 4 bytes a character).
     */
    private static final int OUTCOMES_PER_STATEMENT = 200;

    private final JdbcTemplate jdbc;

    OutcomeWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param open outcomes of rows still claimed under {@code claimToken} and locked by the caller's transaction */
    void write(List<DeliveryOutcome> open, long claimToken, DatabaseKind kind) {
        if (kind == DatabaseKind.H2) {
            jdbc.batchUpdate(LedgerSql.RECORD, open, open.size(), (ps, o) -> bindRecord(ps, o, claimToken));
            return;
        }
        for (int start = 0; start < open.size(); start += OUTCOMES_PER_STATEMENT) {
            recordAmong(open.subList(start, Math.min(open.size(), start + OUTCOMES_PER_STATEMENT)), claimToken);
        }
    }

    private void recordAmong(List<DeliveryOutcome> outcomes, long claimToken) {
        String rows = LedgerSql.OUTCOME_ROW + LedgerSql.NEXT_OUTCOME_ROW.repeat(outcomes.size() - 1);
        jdbc.update(String.format(LedgerSql.RECORD_AMONG, rows), ps -> {
            int next = 1;
            for (DeliveryOutcome o : outcomes) {
                next = bindOutcomeRow(ps, next, o);
            }
            ps.setLong(next, claimToken);
        });
    }

    /** One row of {@link LedgerSql#OUTCOME_ROW}, from parameter {@code first}; returns the next parameter's index. */
    private static int bindOutcomeRow(PreparedStatement ps, int first, DeliveryOutcome o) throws SQLException {
        SmtpReply reply = o.reply();
        ps.setLong(first, o.deliveryId());
        ps.setString(first + 1, o.status().name());
        ps.setObject(first + 2, reply == null ? null : reply.code());
        ps.setString(first + 3, reply == null ? null : reply.enhancedCode());
        ps.setString(first + 4, reply == null ? null : JdbcSendLedger.cap(reply.text()));
        ps.setString(first + 5, JdbcSendLedger.cap(o.reason()));
        ps.setString(first + 6, o.messageId());
        ps.setObject(first + 7, UtcTimes.toDb(o.at()));
        ps.setObject(first + 8, UtcTimes.toDb(o.nextAttemptAt()));
        ps.setString(first + 9, o.charset());
        return first + 10;
    }

    private static void bindRecord(PreparedStatement ps, DeliveryOutcome o, long claimToken) throws SQLException {
        SmtpReply reply = o.reply();
        ps.setString(1, o.status().name());
        ps.setObject(2, reply == null ? null : reply.code());
        ps.setString(3, reply == null ? null : reply.enhancedCode());
        ps.setString(4, reply == null ? null : JdbcSendLedger.cap(reply.text()));
        ps.setString(5, JdbcSendLedger.cap(o.reason()));
        ps.setString(6, o.messageId());
        ps.setObject(7, o.status() == DeliveryStatus.SENT ? UtcTimes.toDb(o.at()) : null);
        ps.setObject(8, UtcTimes.toDb(o.nextAttemptAt()));
        ps.setObject(9, UtcTimes.toDb(o.at()));
        ps.setString(10, o.charset());
        ps.setLong(11, o.deliveryId());
        ps.setLong(12, claimToken);
    }

}
