package io.noticemailer.ledger;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the import needs to stay idempotent: what is already in the ledger, and batch inserts. */
@Repository
public class ImportStore {

    private final JdbcTemplate jdbc;
    private final FieldsJson json = new FieldsJson();

    ImportStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** customer id → the input line its delivery came from, for those of {@code customerIds} already imported. */
    public Map<String, Long> existingCustomers(String campaign, Collection<String> customerIds) {
        Map<String, Long> found = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.query(LedgerSql.withPlaceholders(LedgerSql.EXISTING_CUSTOMERS, customerIds.size()),
                    rs -> {
                        found.put(rs.getString(1), rs.getLong(2));
                    }, args(campaign, customerIds));
        }
        return found;
    }

    public Set<String> existingCodes(String campaign, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList(LedgerSql.withPlaceholders(LedgerSql.EXISTING_CODES, codes.size()),
                String.class, args(campaign, codes)));
    }

    public Set<Long> existingRejectedLines(String campaign, long fromLine, long toLine) {
        return new HashSet<>(jdbc.queryForList(LedgerSql.EXISTING_REJECTED_LINES, Long.class, campaign, fromLine, toLine));
    }

    public void insert(String campaign, List<NewDelivery> deliveries, List<RejectedLine> rejected, Instant now) {
        if (!deliveries.isEmpty()) {
            jdbc.batchUpdate(LedgerSql.INSERT_DELIVERY, deliveries, deliveries.size(), (ps, d) -> {
                ps.setString(1, campaign);
                ps.setString(2, d.customerId());
                ps.setLong(3, d.sourceLine());
                ps.setString(4, d.email());
                ps.setString(5, d.name());
                ps.setString(6, d.cohort());
                ps.setString(7, d.managementCode());
                ps.setString(8, json.write(d.fields()));
                ps.setString(9, d.status().name());
                ps.setString(10, JdbcSendLedger.cap(d.reason()));
                ps.setObject(11, UtcTimes.toDb(now));
                ps.setObject(12, UtcTimes.toDb(now));
                ps.setObject(13, UtcTimes.toDb(now));
            });
        }
        if (!rejected.isEmpty()) {
            jdbc.batchUpdate(LedgerSql.INSERT_REJECTED, rejected, rejected.size(), (ps, r) -> {
                ps.setString(1, campaign);
                ps.setLong(2, r.line());
                ps.setString(3, r.customerId());
                ps.setString(4, JdbcSendLedger.cap(r.reason()));
            });
        }
    }

    private static Object[] args(String campaign, Collection<String> values) {
        Object[] args = new Object[values.size() + 1];
        args[0] = campaign;
        int i = 1;
        for (String value : values) {
            args[i++] = value;
        }
        return args;
    }
}
