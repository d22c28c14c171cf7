package io.noticemailer.report;

import java.util.List;
import java.util.function.Function;

import io.noticemailer.ledger.LedgerEntry;

/**
 * The per-customer report's columns (CONTRACT: customer id, masked address, cohort, management code, status,
 * attempts, last SMTP reply, Message-ID, times; then the reason, and the bounce of a SENT delivery that bounced
 * later: when, its status code and diagnostic text), the same for CSV and JSON.
 */
final class ReportColumns {

    record Column(String csv, String json, boolean number, Function<LedgerEntry, String> value) {
    }

    private ReportColumns() {
    }

    static List<Column> of(ReportTimes times) {
        return List.of(
                new Column("customer_id", "customerId", false, LedgerEntry::customerId),
                new Column("address", "address", false, LedgerEntry::maskedEmail),
                new Column("cohort", "cohort", false, LedgerEntry::cohort),
                new Column("management_code", "managementCode", false, LedgerEntry::managementCode),
                new Column("status", "status", false, e -> e.status().name()),
                new Column("attempts", "attempts", true, e -> Integer.toString(e.attempts())),
                new Column("last_reply", "lastReply", false, LedgerEntry::lastReply),
                new Column("message_id", "messageId", false, LedgerEntry::messageId),
                new Column("imported_at", "importedAt", false, e -> times.format(e.createdAt())),
                new Column("last_attempt_at", "lastAttemptAt", false, e -> times.format(e.lastAttemptAt())),
                new Column("sent_at", "sentAt", false, e -> times.format(e.sentAt())),
                new Column("next_attempt_at", "nextAttemptAt", false, e -> times.format(e.nextAttemptAt())),
                new Column("reason", "reason", false, LedgerEntry::reason),
                new Column("bounced_at", "bouncedAt", false, e -> times.format(e.bouncedAt())),
                new Column("bounce_status", "bounceStatus", false, LedgerEntry::bounceStatus),
                new Column("bounce_text", "bounceText", false, LedgerEntry::bounceText));
    }
}
