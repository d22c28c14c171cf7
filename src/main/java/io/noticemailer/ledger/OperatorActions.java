package io.noticemailer.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What only an operator may do to deliveries: send UNKNOWN or FAILED ones again, or make DEFERRED ones due
 * now. Each action is written to the attempt history with who asked for it.
 */
@Repository
public class OperatorActions {

    /** The attempt-history outcome of an operator's resend. */
    public static final String RESEND = "RESEND";
    /** The attempt-history outcome of an operator's retry-now. */
    public static final String RETRY_NOW = "RETRY_NOW";

    private final JdbcTemplate jdbc;

    OperatorActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Puts the campaign's deliveries in {@code from} (UNKNOWN or FAILED), or only those of {@code customerIds}
     * when given, back to PENDING with a fresh retry lifetime. Returns how many.
     */
    @Transactional
    public int resend(String campaign, DeliveryStatus from, List<String> customerIds, String reason, Instant now) {
        String only = customerIds.isEmpty() ? "" : LedgerSql.withPlaceholders(LedgerSql.FOR_CUSTOMERS, customerIds.size());
        List<Object> history = new ArrayList<>(List.of(UtcTimes.toDb(now), RESEND, reason, campaign, from.name()));
        history.addAll(customerIds);
        jdbc.update(LedgerSql.HISTORY_FOR_OPERATOR_ACTION + only, history.toArray());
        List<Object> update = new ArrayList<>(List.of(UtcTimes.toDb(now), reason, UtcTimes.toDb(now), campaign, from.name()));
        update.addAll(customerIds);
        return jdbc.update(LedgerSql.RESEND + only, update.toArray());
    }

    /** Makes every DEFERRED delivery of the campaign due now. Returns how many. */
    @Transactional
    public int retryNow(String campaign, String reason, Instant now) {
        jdbc.update(LedgerSql.HISTORY_FOR_OPERATOR_ACTION, UtcTimes.toDb(now), RETRY_NOW, reason, campaign,
                DeliveryStatus.DEFERRED.name());
        return jdbc.update(LedgerSql.RETRY_NOW, UtcTimes.toDb(now), campaign);
    }
}
