package io.noticemailer.report;

import java.util.List;

import io.noticemailer.ledger.AttemptEntry;
import io.noticemailer.ledger.LedgerEntry;
import io.noticemailer.ledger.RejectedLine;

/** The evidence CSVs' columns: exact values (no formula guard), times in UTC, addresses masked, no names. */
final class EvidenceColumns {

    static final List<String> DELIVERIES = List.of("customer_id", "source_line", "address", "cohort", "management_code",
            "status", "attempts", "last_reply_code", "last_enhanced_code", "last_reply_text", "message_id", "reason",
            "imported_at", "last_attempt_at", "sent_at", "next_attempt_at", "updated_at", "bounced_at", "bounce_status",
            "bounce_text");

    static final List<String> ATTEMPTS = List.of("attempt_id", "customer_id", "management_code", "attempted_at", "outcome",
            "reply_code", "enhanced_code", "reply_text", "detail", "run_id");

    static final List<String> REJECTED = List.of("line", "customer_id", "reason");

    private EvidenceColumns() {
    }

    static List<String> delivery(LedgerEntry e, ReportTimes utc) {
        return EvidencePackage.list(e.customerId(), e.sourceLine(), e.maskedEmail(), e.cohort(), e.managementCode(),
                e.status(), e.attempts(), e.lastReplyCode(), e.lastEnhancedCode(), e.lastReplyText(), e.messageId(),
                e.reason(), utc.format(e.createdAt()), utc.format(e.lastAttemptAt()), utc.format(e.sentAt()),
                utc.format(e.nextAttemptAt()), utc.format(e.updatedAt()), utc.format(e.bouncedAt()), e.bounceStatus(),
                e.bounceText());
    }

    static List<String> attempt(AttemptEntry a, ReportTimes utc) {
        return EvidencePackage.list(a.id(), a.customerId(), a.managementCode(), utc.format(a.attemptedAt()), a.outcome(),
                a.replyCode(), a.enhancedCode(), a.replyText(), a.detail(), a.runId());
    }

    static List<String> rejected(RejectedLine r) {
        return EvidencePackage.list(r.line(), r.customerId(), r.reason());
    }
}
