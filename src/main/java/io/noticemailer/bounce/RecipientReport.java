package io.noticemailer.bounce;

import java.time.Instant;

/**
 * One per-recipient block of a DSN: {@code Action}, {@code Status} ({@code 5.1.1}), {@code Diagnostic-Code}
 * (decoded, not yet masked), the {@code Original-Recipient} and {@code Final-Recipient} addresses and the
 * {@code Last-Attempt-Date}. Any of them may be missing in what a real MTA writes.
 */
record RecipientReport(String action, String status, String diagnostic, String originalRecipient,
                       String finalRecipient, Instant lastAttempt) {

    boolean failed() {
        return "failed".equals(action);
    }

    SkipReason whyNotFailed() {
        return switch (action == null ? "" : action) {
            case "delayed" -> SkipReason.DELAYED;
            case "delivered" -> SkipReason.DELIVERED;
            case "relayed" -> SkipReason.RELAYED;
            case "expanded" -> SkipReason.EXPANDED;
            default -> SkipReason.NOT_FAILED;
        };
    }

    @Override
    public String toString() {
        // Never the addresses or the diagnostic (which often quotes the address): this may reach a log.
        return "RecipientReport[action=" + action + ", status=" + status + "]";
    }
}
