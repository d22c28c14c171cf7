package io.noticemailer.job;

import io.noticemailer.ledger.LedgerCounts;

/**
 * How a run ended: whether the job completed, the campaign's counts, how many claims were found dead, and
 * why it stopped taking deliveries early (signal, send window, daily quota), or null when it did not.
 */
public record RunOutcome(boolean completed, LedgerCounts counts, int recoveredUnknown, String stopReason) {
}
