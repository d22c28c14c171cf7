package io.noticemailer.job;

import io.noticemailer.ledger.LedgerCounts;

/**
 * How a run ended: whether the job completed, the campaign's counts, how many claims were found dead, why it
 * stopped taking deliveries early (signal, send window, daily quota) or null when it did not, and whether the
 * campaign's list is imported (not yet when a signal stopped the run before it started: work is left).
 */
public record RunOutcome(boolean completed, LedgerCounts counts, int recoveredUnknown, String stopReason,
                         boolean imported) {
}
