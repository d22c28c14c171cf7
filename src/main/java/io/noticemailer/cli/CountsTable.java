package io.noticemailer.cli;

import java.io.PrintWriter;
import java.util.Map;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.LedgerCounts;

/** Prints a campaign's counts as a table: one row per status, one column per cohort. */
final class CountsTable {

    private CountsTable() {
    }

    static void print(LedgerCounts counts, PrintWriter out) {
        out.printf("campaign %s: %d deliveries, %d rejected input lines%n", counts.campaign(), counts.total(),
                counts.rejectedLines());
        StringBuilder header = new StringBuilder(String.format("  %-9s %9s", "status", "total"));
        counts.cohorts().keySet().forEach(c -> header.append(String.format(" %9s", c)));
        out.println(header);
        for (DeliveryStatus status : DeliveryStatus.values()) {
            StringBuilder row = new StringBuilder(String.format("  %-9s %9d", status, counts.count(status)));
            for (Map<DeliveryStatus, Long> cohort : counts.cohorts().values()) {
                row.append(String.format(" %9d", cohort.getOrDefault(status, 0L)));
            }
            out.println(row);
        }
        out.flush();
    }

    /** A SENT delivery that bounced later keeps its status: one more line, under the table, per cohort too. */
    static void printBounced(LedgerCounts counts, PrintWriter out) {
        StringBuilder row = new StringBuilder(String.format("  %-9s %9d", "bounced", counts.bounced()));
        counts.cohorts().keySet().forEach(c -> row.append(String.format(" %9d", counts.bouncedByCohort().getOrDefault(c, 0L))));
        out.println(row.append("  (of SENT: bounced later)"));
        out.flush();
    }

    /** The CONTRACT's exit code for the state a campaign is in after a run. */
    static int exitCode(LedgerCounts counts) {
        if (counts.count(DeliveryStatus.UNKNOWN) > 0) {
            return ExitCodes.NEEDS_OPERATOR;
        }
        long left = counts.count(DeliveryStatus.PENDING) + counts.count(DeliveryStatus.DEFERRED)
                + counts.count(DeliveryStatus.SENDING);
        return left > 0 ? ExitCodes.WORK_LEFT : ExitCodes.DONE;
    }
}
