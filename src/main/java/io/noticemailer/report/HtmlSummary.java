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
 * sends per minute, failures grouped by reason and domain, and the UNKNOWN deliveries (the first
 * {@value #UNKNOWN_SHOWN}; all are counted).
 */
final class HtmlSummary {

    static final int UNKNOWN_SHOWN = 1000;
    static final int GROUPS_SHOWN = 100;
    private static final Pattern LINE_PREFIX = Pattern.compile("^line \\d+, ");
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
        } else if (status == DeliveryStatus.FAILED || status == DeliveryStatus.INVALID || status == DeliveryStatus.DEFERRED) {
            List<String> key = List.of(status.name(), reasonClass(entry), domain(entry.email()));
            failureCounts.computeIfAbsent(key, k -> new long[1])[0]++;
            failureExamples.putIfAbsent(key, entry.lastReplyCode() != null ? entry.lastReply() : nullToEmpty(entry.reason()));
        } else if (status == DeliveryStatus.UNKNOWN) {
            unknownCount++;
            if (unknown.size() < UNKNOWN_SHOWN) {
                unknown.add(entry);
            }
        }
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

    static String domain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 || at == email.length() - 1 ? "(no domain)" : email.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
