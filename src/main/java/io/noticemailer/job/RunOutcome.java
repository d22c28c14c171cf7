package io.noticemailer.job;

import io.noticemailer.ledger.LedgerCounts;

/** How a run ended: whether the job completed, the campaign's counts, and how many claims were found dead. */
public record RunOutcome(boolean completed, LedgerCounts counts, int recoveredUnknown) {
}
