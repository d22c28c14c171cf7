package io.noticemailer.ledger;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Deliveries of a campaign per status and per cohort and status, plus input lines that made no delivery, and
 * the SENT deliveries that bounced later, per cohort (a bounce is a mark on a SENT delivery, not a status).
 */
public record LedgerCounts(String campaign, long total, long rejectedLines, Map<DeliveryStatus, Long> statuses,
                           Map<String, Map<DeliveryStatus, Long>> cohorts, Map<String, Long> bouncedByCohort) {

    public long count(DeliveryStatus status) {
        return statuses.getOrDefault(status, 0L);
    }

    public long bounced() {
        return bouncedByCohort.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The CONTRACT's {@code status --json} object: campaign, total, rejectedLines, statuses, cohorts; and bounced. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("campaign", campaign);
        json.put("total", total);
        json.put("rejectedLines", rejectedLines);
        json.put("statuses", byName(statuses));
        Map<String, Object> byCohort = new LinkedHashMap<>();
        cohorts.forEach((cohort, counts) -> byCohort.put(cohort, byName(counts)));
        json.put("cohorts", byCohort);
        json.put("bounced", bounced());
        return json;
    }

    private static Map<String, Long> byName(Map<DeliveryStatus, Long> counts) {
        Map<String, Long> named = new LinkedHashMap<>();
        counts.forEach((status, n) -> named.put(status.name(), n));
        return named;
    }
}
