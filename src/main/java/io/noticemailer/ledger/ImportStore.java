package io.noticemailer.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** What the import needs to stay idempotent: what is already in the ledger, and multi-row inserts. */
@Repository
public class ImportStore {

    /** Rows per INSERT statement: one round trip per this many deliveries instead of one per delivery. */
    static final int ROWS_PER_STATEMENT = 1000;
    private static final int ROW_OVERHEAD_CHARS = 100;
    private static final int FIELD_OVERHEAD_CHARS = 6;

    private final JdbcTemplate jdbc;
    private final FieldsJson json = new FieldsJson();
    private final MultiRowInsert<NewDelivery> insertDeliveries = new MultiRowInsert<>(LedgerSql.INSERT_DELIVERIES,
            LedgerSql.DELIVERY_VALUES, ROWS_PER_STATEMENT, ImportStore::textLength);
    private final MultiRowInsert<RejectedLine> insertRejected = new MultiRowInsert<>(LedgerSql.INSERT_REJECTED_LINES,
            LedgerSql.REJECTED_LINE_VALUES, ROWS_PER_STATEMENT,
            r -> ROW_OVERHEAD_CHARS + (r.customerId() == null ? 0 : r.customerId().length()) + r.reason().length()
                    + (r.earlierCampaign() == null ? 0 : r.earlierCampaign().length()));

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

    /** The last input line that made a delivery or a rejected line (0 if none): where an interrupted import stopped. */
    public long lastImportedLine(String campaign) {
        Long line = jdbc.queryForObject(LedgerSql.LAST_IMPORTED_LINE, Long.class, campaign, campaign);
        return line == null ? 0 : line;
    }

    public Set<Long> existingRejectedLines(String campaign, long fromLine, long toLine) {
        return new HashSet<>(jdbc.queryForList(LedgerSql.EXISTING_REJECTED_LINES, Long.class, campaign, fromLine, toLine));
    }

    /**
     * Inserts the deliveries, then the rejected lines.
     *
     * @throws org.springframework.dao.DuplicateKeyException when a customer id, management code or line is
     *         already in the ledger: the failed statement inserted nothing, earlier statements of this call did
     */
    public void insert(String campaign, List<NewDelivery> deliveries, List<RejectedLine> rejected, Instant now) {
        Object at = UtcTimes.toDb(now);
        insertDeliveries.insert(jdbc, deliveries, (ps, first, d) -> {
            ps.setString(first, campaign);
            ps.setString(first + 1, d.customerId());
            ps.setLong(first + 2, d.sourceLine());
            ps.setString(first + 3, d.email());
            ps.setString(first + 4, d.name());
            ps.setString(first + 5, d.cohort());
            ps.setString(first + 6, d.managementCode());
            ps.setString(first + 7, json.write(d.fields()));
            ps.setString(first + 8, d.status().name());
            ps.setString(first + 9, JdbcSendLedger.cap(d.reason()));
            ps.setObject(first + 10, at);
            ps.setObject(first + 11, at);
            ps.setObject(first + 12, at);
        });
        insertRejected.insert(jdbc, rejected, (ps, first, r) -> {
            ps.setString(first, campaign);
            ps.setLong(first + 1, r.line());
            ps.setString(first + 2, r.customerId());
            ps.setString(first + 3, JdbcSendLedger.cap(r.reason()));
            ps.setString(first + 4, r.earlierCampaign());
        });
    }

    /** The earlier campaigns whose customers this campaign leaves out, as recorded when its input was (empty: none). */
    public List<String> previousCampaigns(String campaign) {
        return CampaignStore.previousCampaigns(jdbc, campaign);
    }

    /**
     * The deliveries of {@code earlierCampaign} that notified, may have notified or are still to notify one of these
     * customers or addresses (every status but FAILED and INVALID).
     */
    public List<CoveredDelivery> covered(String earlierCampaign, Collection<String> customerIds, Collection<String> emails) {
        List<CoveredDelivery> found = new ArrayList<>();
        RowCallbackHandler add = rs -> {
            found.add(new CoveredDelivery(earlierCampaign, rs.getString(1), rs.getString(2),
                    DeliveryStatus.valueOf(rs.getString(3))));
        };
        if (!customerIds.isEmpty()) {
            jdbc.query(LedgerSql.withPlaceholders(LedgerSql.COVERED_BY_CUSTOMER, customerIds.size()), add,
                    args(earlierCampaign, customerIds));
        }
        if (!emails.isEmpty()) {
            jdbc.query(LedgerSql.withPlaceholders(LedgerSql.COVERED_BY_EMAIL, emails.size()), add, args(earlierCampaign, emails));
        }
        return found;
    }

    /** Roughly the characters a delivery's values take, for the statement size budget. */
    private static long textLength(NewDelivery d) {
        long length = ROW_OVERHEAD_CHARS + d.customerId().length() + d.email().length() + d.name().length()
                + d.cohort().length() + d.managementCode().length() + (d.reason() == null ? 0 : d.reason().length());
        for (Map.Entry<String, String> field : d.fields().entrySet()) {
            length += field.getKey().length() + field.getValue().length() + FIELD_OVERHEAD_CHARS;
        }
        return length;
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
