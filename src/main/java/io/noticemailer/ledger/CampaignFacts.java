package io.noticemailer.ledger;

import java.time.Instant;

/**
 * What the ledger recorded about a campaign's definition and runs: the fingerprints of the job file, the
 * templates ({@code name=sha256;…}) and the input, and when the last run started and ended.
 */
public record CampaignFacts(String id, String jobFile, String jobFileSha256, String templateSha256, String inputFile,
                            String inputSha256, String inputCharset, int pass, Instant createdAt, Instant importedAt,
                            Instant lastRunStart, Instant lastRunEnd) {
}
