package io.noticemailer.ledger;

import java.util.Map;

/** Deliveries of a campaign per status and per cohort and status, plus input lines that made no delivery. */
public record LedgerCounts(String campaign, long total, long rejectedLines, Map<DeliveryStatus, Long> statuses,
                           Map<String, Map<DeliveryStatus, Long>> cohorts) {

    public long count(DeliveryStatus status) {
        return statuses.getOrDefault(status, 0L);
    }
}
