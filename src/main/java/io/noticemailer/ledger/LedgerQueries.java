package io.noticemailer.ledger;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Read side of the ledger for status, summaries and previews, and the recovery of a dead run's claims. */
@Repository
public class LedgerQueries {

    private final JdbcTemplate jdbc;
    private final DeliveryRows rows = new DeliveryRows(new FieldsJson());

    LedgerQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public LedgerCounts counts(String campaign) {
        Map<DeliveryStatus, Long> statuses = new EnumMap<>(DeliveryStatus.class);
        Map<String, Map<DeliveryStatus, Long>> cohorts = new TreeMap<>();
        for (DeliveryStatus status : DeliveryStatus.values()) {
            statuses.put(status, 0L);
        }
        jdbc.query(LedgerSql.COUNT_BY_COHORT_AND_STATUS, rs -> {
            DeliveryStatus status = DeliveryStatus.valueOf(rs.getString(2));
            long n = rs.getLong(3);
            statuses.merge(status, n, Long::sum);
            cohorts.computeIfAbsent(rs.getString(1), c -> new EnumMap<>(DeliveryStatus.class)).merge(status, n, Long::sum);
        }, campaign);
        long total = statuses.values().stream().mapToLong(Long::longValue).sum();
        Long rejected = jdbc.queryForObject(LedgerSql.COUNT_REJECTED, Long.class, campaign);
        Map<String, Long> bounced = new TreeMap<>();
        jdbc.query(LedgerSql.COUNT_BOUNCED_BY_COHORT, rs -> {
            bounced.put(rs.getString(1), rs.getLong(2));
        }, campaign);
        return new LedgerCounts(campaign, total, rejected == null ? 0 : rejected, statuses, cohorts, bounced);
    }

    /** Deliveries due now (PENDING, or DEFERRED whose next attempt has come): what a run still has to do. */
    public long countDue(String campaign, Instant now) {
        Long due = jdbc.queryForObject(LedgerSql.COUNT_DUE, Long.class, campaign, UtcTimes.toDb(now));
        return due == null ? 0 : due;
    }

    /** SENT deliveries per charset their message went out in (ISO-2022-JP jobs fall back to UTF-8 per message). */
    public Map<String, Long> sentCharsets(String campaign) {
        return countsByName(LedgerSql.COUNT_SENT_BY_CHARSET, campaign);
    }

    /** Input lines left out per earlier campaign that covers their customers (job file previousCampaigns). */
    public Map<String, Long> leftOutForEarlierCampaigns(String campaign) {
        return countsByName(LedgerSql.REJECTED_BY_EARLIER_CAMPAIGN, campaign);
    }

    /** A (name, count) query's rows, sorted by name. */
    private Map<String, Long> countsByName(String sql, String campaign) {
        Map<String, Long> counts = new TreeMap<>();
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, campaign);
        return counts;
    }

    public Optional<Delivery> byCustomer(String campaign, String customerId) {
        return jdbc.query(LedgerSql.FIND_BY_CUSTOMER, rows, campaign, customerId).stream().findFirst();
    }

    /** How many of the campaign's messages were handed to a relay since {@code since} (for the daily quota). */
    public long handedOverSince(String campaign, Instant since) {
        Long count = jdbc.queryForObject(LedgerSql.HANDED_OVER_SINCE, Long.class, campaign, UtcTimes.toDb(since));
        return count == null ? 0 : count;
    }

    /**
     * SENDING rows left by a run that is no longer alive become UNKNOWN: their message may or may not have
     * reached the server, so they are never sent again without an operator's command. Only call this while
     * holding the campaign's run lock. Returns how many there were.
     */
    @Transactional
    public int markStaleSendingUnknown(String campaign, Instant now) {
        String reason = "the run that claimed it stopped before recording the outcome";
        jdbc.update(LedgerSql.HISTORY_FOR_STALE_SENDING, UtcTimes.toDb(now), reason, campaign);
        return jdbc.update(LedgerSql.STALE_SENDING_TO_UNKNOWN, reason, UtcTimes.toDb(now), campaign);
    }
}
