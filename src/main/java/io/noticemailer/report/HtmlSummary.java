package io.noticemailer.report;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.LedgerEntry;

/**
 * What the HTML report shows beyond the counts, gathered in one pass over the ledger with bounded memory:
 * sends per minute, failures (and bounces) grouped by reason and domain, and the UNKNOWN deliveries (the first
 * {@value #UNKNOWN_SHOWN}; all are counted).
 */
final class HtmlSummary {

    static final int UNKNOWN_SHOWN = 1000;
    static final int GROUPS_SHOWN = 100;
    /** The status shown for SENT deliveries that bounced later, grouped with the other failures. */
    static final String BOUNCED = "BOUNCED";
    private static final Pattern LINE_PREFIX = Pattern.compile("^line \\d+, ");
    private static final Pattern REPLY_CODE = Pattern.compile("^([245]\\d\\d)\\b");
    private static final int REASON_LENGTH = 120;

    private final TreeMap<Long, Long> sentPerMinute = new TreeMap<>();
    private final Map<List<String>, long[]> failureCounts = new HashMap<>();
    private final Map<List<String>, String> failureExamples = new HashMap<>();
    private final List<LedgerEntry> unknown = new ArrayList<>();
    private long unknownCount;

    void add(LedgerEntry entry) {
        DeliveryStatus status = entry.status();
        if (status == DeliveryStatus.SENT && entry.sentAt() != null) {
            sentPerMinute.merge(entry.sentAt().getEpochSecond() / 60, 1L, Long::sum);
        }
        if (entry.bounced()) {
            failure(List.of(BOUNCED, bounceClass(entry), domain(entry.email())), entry.bounce());
        } else if (status == DeliveryStatus.FAILED || status == DeliveryStatus.INVALID || status == DeliveryStatus.DEFERRED) {
            failure(List.of(status.name(), reasonClass(entry), domain(entry.email())),
                    entry.lastReplyCode() != null ? entry.lastReply() : nullToEmpty(entry.reason()));
        } else if (status == DeliveryStatus.UNKNOWN) {
            unknownCount++;
            if (unknown.size() < UNKNOWN_SHOWN) {
                unknown.add(entry);
            }
        }
    }

    private void failure(List<String> key, String example) {
        failureCounts.computeIfAbsent(key, k -> new long[1])[0]++;
        failureExamples.putIfAbsent(key, example);
    }

    SendsChart chart(ZoneId zone) {
        return SendsChart.of(sentPerMinute, zone);
    }

    List<FailureGroup> failures() {
        List<FailureGroup> groups = new ArrayList<>();
        failureCounts.forEach((key, n) -> groups.add(new FailureGroup(key.get(0), key.get(1), key.get(2), n[0],
                failureExamples.get(key))));
        groups.sort(Comparator.comparingLong(FailureGroup::count).reversed().thenComparing(FailureGroup::status)
                .thenComparing(FailureGroup::reason).thenComparing(FailureGroup::domain));
        return groups;
    }

    List<LedgerEntry> unknown() {
        return unknown;
    }

    long unknownCount() {
        return unknownCount;
    }

    /** The server's reply code (its text differs per recipient), else the reason without its line number. */
    static String reasonClass(LedgerEntry entry) {
        if (entry.lastReplyCode() != null) {
            return entry.lastReplyCode() + (entry.lastEnhancedCode() == null ? "" : " " + entry.lastEnhancedCode());
        }
        String reason = LINE_PREFIX.matcher(nullToEmpty(entry.reason())).replaceFirst("");
        return reason.length() > REASON_LENGTH ? reason.substring(0, REASON_LENGTH) + "…" : reason;
    }

    /** A bounce's status code with the reply code of its diagnostic, when it has one ({@code 5.1.1 (550)}). */
    static String bounceClass(LedgerEntry entry) {
        String status = entry.bounceStatus() == null ? "no status" : entry.bounceStatus();
        java.util.regex.Matcher code = REPLY_CODE.matcher(nullToEmpty(entry.bounceText()));
        return code.find() ? status + " (" + code.group(1) + ")" : status;
    }

    static String domain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? "(no domain)" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
