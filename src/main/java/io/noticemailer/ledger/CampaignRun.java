package io.noticemailer.ledger;

import java.time.LocalDateTime;

/**
 * One execution of a campaign's job as Spring Batch recorded it. Spring Batch writes its times in the
 * zone of the JVM that ran the job, so they are kept as it wrote them.
 */
public record CampaignRun(long executionId, LocalDateTime start, LocalDateTime end, String status, String exitCode) {
}
