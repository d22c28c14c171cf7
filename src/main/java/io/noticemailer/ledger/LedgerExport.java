package io.noticemailer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The ledger read whole, for reports, evidence and the hotline. Deliveries and attempts are read in keyset
 * pages by id, so a campaign of a million customers is streamed with one page in memory at a time.
 */
@Repository
public class LedgerExport {

    static final int PAGE = 1000;

    private final JdbcTemplate jdbc;
    private final FieldsJson json = new FieldsJson();

    LedgerExport(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every delivery of the campaign by id, or only those in {@code statuses} when it is not empty. */
    public void forEachEntry(String campaign, Set<DeliveryStatus> statuses, Consumer<LedgerEntry> each) {
        String sql = statuses.isEmpty() ? LedgerSql.ENTRY_PAGE
                : LedgerSql.withPlaceholders(LedgerSql.ENTRY_PAGE_IN_STATUSES, statuses.size());
        List<Object> fixed = new ArrayList<>(List.of(campaign));
        statuses.forEach(s -> fixed.add(s.name()));
        pages(sql, fixed, this::entry, LedgerEntry::id, each);
    }

    /** Everyone the notice did not reach: FAILED, INVALID, and SENT then bounced; by id. */
    public void forEachUnreached(String campaign, Consumer<LedgerEntry> each) {
        pages(LedgerSql.ENTRY_PAGE_UNREACHED, List.of(campaign), this::entry, LedgerEntry::id, each);
    }

    public void forEachAttempt(String campaign, Consumer<AttemptEntry> each) {
        pages(LedgerSql.ATTEMPT_PAGE, List.of(campaign), (rs, n) -> new AttemptEntry(rs.getLong(1), rs.getString(2),
                rs.getString(3), time(rs, 4), rs.getString(5), rs.getObject(6, Integer.class), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getObject(10, Long.class)), AttemptEntry::id, each);
    }

    public void forEachRejectedLine(String campaign, Consumer<RejectedLine> each) {
        pages(LedgerSql.REJECTED_PAGE, List.of(campaign), (rs, n) -> new IdAnd<>(rs.getLong(1),
                new RejectedLine(rs.getLong(2), rs.getString(3), rs.getString(4))), IdAnd::id, r -> each.accept(r.value()));
    }

    /** The deliveries that carry any of these codes, in every campaign. */
    public List<LedgerEntry> byCodes(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.query(LedgerSql.withPlaceholders(LedgerSql.ENTRIES_BY_CODE, codes.size()), this::entry, codes.toArray());
    }

    public Optional<CampaignFacts> campaign(String campaign) {
        return jdbc.query(LedgerSql.CAMPAIGN_FACTS, (rs, n) -> new CampaignFacts(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8),
                time(rs, 9), time(rs, 10), time(rs, 11), time(rs, 12)), campaign).stream().findFirst();
    }

    public List<CampaignRun> runs(String campaign) {
        return jdbc.query(LedgerSql.CAMPAIGN_RUNS, (rs, n) -> new CampaignRun(rs.getLong(1),
                rs.getObject(2, LocalDateTime.class), rs.getObject(3, LocalDateTime.class), rs.getString(4),
                rs.getString(5)), campaign);
    }

    private <T> void pages(String sql, List<Object> fixed, RowMapper<T> mapper, ToLongFunction<T> id, Consumer<T> each) {
        long after = 0;
        while (true) {
            List<Object> args = new ArrayList<>(fixed);
            args.add(after);
            args.add(PAGE);
            List<T> page = jdbc.query(sql, mapper, args.toArray());
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = id.applyAsLong(page.get(page.size() - 1));
        }
    }

    private LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("customer_id"),
                rs.getLong("source_line"), rs.getString("email"), rs.getString("name"), rs.getString("cohort"),
                rs.getString("management_code"), json.read(rs.getString("fields")),
                DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getObject("last_reply_code", Integer.class), rs.getString("last_enhanced_code"),
                rs.getString("last_reply_text"), rs.getString("message_id"), rs.getString("reason"),
                time(rs, "created_at"), time(rs, "claimed_at"), time(rs, "sent_at"), time(rs, "next_attempt_at"),
                time(rs, "updated_at"), time(rs, "bounced_at"), rs.getString("bounce_status"), rs.getString("bounce_text"));
    }

    private static Instant time(ResultSet rs, String column) throws SQLException {
        return UtcTimes.fromDb(rs.getObject(column, LocalDateTime.class));
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        return UtcTimes.fromDb(rs.getObject(column, LocalDateTime.class));
    }

    private record IdAnd<T>(long id, T value) {
    }
}
