package io.noticemailer.send;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Set;

import io.noticemailer.send.SendResult.Outcome;

/**
 * Stops the campaign when the relay, not the recipients, is the problem: failing thousands of customers
 * for a wrong password or a relay that is down would be wrong. It trips on
 * <ul>
 *   <li>an authentication refusal (530, 534, 535, 538 or 5.7.8): at once, since retrying a wrong password
 *       only gets the account locked;</li>
 *   <li>{@value #UNREACHABLE_IN_A_ROW} messages in a row that could not reach the relay (each already tried
 *       on {@value SendWorker#CONNECTION_RETRIES} more new connections);</li>
 *   <li>the same 5.7.x policy rejection for most of the recent messages ({@value #SAME_REJECTION_AT_LEAST}
 *       or more of the last {@value #WINDOW}, and four in five) across at least two recipient domains. The
 *       Japanese mobile carriers count as one domain: they filter alike (a customer's reception settings, the
 *       carriers' rules for bulk senders), so their rejecting many notices at once is theirs, not the relay's,
 *       and is recorded per delivery like any other rejection.</li>
 * </ul>
 * A 421 is not counted: it is a receiver slowing us down, handled by the throttle. Thread-safe.
 */
final class RelayBreaker {

    static final int WINDOW = 10;
    static final int UNREACHABLE_IN_A_ROW = 3;
    static final int SAME_REJECTION_AT_LEAST = 5;
    private static final int SHARE_NUMERATOR = 4;
    private static final int SHARE_DENOMINATOR = 5;
    private static final int SERVICE_NOT_AVAILABLE = 421;
    private static final Set<Integer> AUTHENTICATION_CODES = Set.of(530, 534, 535, 538);
    private static final String AUTHENTICATION_ENHANCED = "5.7.8";
    private static final String UNREACHABLE = "unreachable";
    private static final String AUTHENTICATION = "authentication";
    private static final String CARRIERS = "the Japanese mobile carriers";
    private static final Set<String> CARRIER_DOMAINS = Set.of("docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp",
            "i.softbank.jp");

    private final Deque<Entry> recent = new ArrayDeque<>();
    private final Set<Long> blamed = new LinkedHashSet<>();
    private String trippedSignature;
    private String reason;

    private record Entry(long deliveryId, String domain, String signature) {
    }

    /** Records the final result of one message; returns true when the breaker trips (or already has). */
    synchronized boolean observe(long deliveryId, String domain, SendResult result) {
        String signature = signatureOf(result);
        if (reason != null) {
            // Messages that were already under way when it tripped failed for the same reason.
            if (trippedSignature.equals(signature)) {
                blamed.add(deliveryId);
            }
            return true;
        }
        recent.addLast(new Entry(deliveryId, CARRIER_DOMAINS.contains(domain) ? CARRIERS : domain, signature));
        if (recent.size() > WINDOW) {
            recent.removeFirst();
        }
        if (AUTHENTICATION.equals(signature)) {
            trip(signature, "the SMTP relay refused authentication (" + result.detail()
                    + "): check SPRING_MAIL_USERNAME and SPRING_MAIL_PASSWORD");
        } else if (UNREACHABLE.equals(signature) && lastAre(UNREACHABLE_IN_A_ROW, UNREACHABLE)) {
            trip(signature, "the SMTP relay could not be reached for " + UNREACHABLE_IN_A_ROW + " messages in a row (each tried "
                    + (SendWorker.CONNECTION_RETRIES + 1) + " times); last: " + result.detail());
        } else if (signature != null && !UNREACHABLE.equals(signature)) {
            checkSameRejection(signature, result);
        }
        return reason != null;
    }

    synchronized boolean tripped() {
        return reason != null;
    }

    /** Why it tripped, or null. */
    synchronized String reason() {
        return reason;
    }

    /** What it tripped on ({@code authentication}, {@code unreachable}, or a policy reply such as {@code 550 5.7.1}), or null. */
    synchronized String signature() {
        return trippedSignature;
    }

    /**
     * Whether it tripped on the relay's answer about the messages themselves (a policy rejection) rather than on
     * not getting through at all (authentication, unreachable): only the former says anything about them.
     */
    synchronized boolean trippedOnReplies() {
        return trippedSignature != null && !AUTHENTICATION.equals(trippedSignature) && !UNREACHABLE.equals(trippedSignature);
    }

    /** The deliveries whose failure the tripped breaker blames on the relay: they are tried again, not failed. */
    synchronized Set<Long> blamed() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(blamed));
    }

    /** Whether retrying at once on a new connection could help: never for a refused password. */
    static boolean worthRetrying(SendResult result) {
        return result.outcome() == Outcome.CONNECTION_FAILED && !AUTHENTICATION.equals(signatureOf(result));
    }

    private void checkSameRejection(String signature, SendResult result) {
        long same = recent.stream().filter(e -> signature.equals(e.signature())).count();
        long domains = recent.stream().filter(e -> signature.equals(e.signature())).map(Entry::domain).distinct().count();
        if (same >= SAME_REJECTION_AT_LEAST && same * SHARE_DENOMINATOR >= (long) recent.size() * SHARE_NUMERATOR
                && domains >= 2) {
            trip(signature, "the SMTP relay rejected " + same + " of the last " + recent.size() + " messages, for " + domains
                    + " recipient domains, with the same policy reply (" + result.detail() + "): a relay problem, not the recipients'");
        }
    }

    private boolean lastAre(int count, String signature) {
        if (recent.size() < count) {
            return false;
        }
        return recent.stream().skip(recent.size() - count).allMatch(e -> signature.equals(e.signature()));
    }

    private void trip(String signature, String why) {
        trippedSignature = signature;
        reason = why;
        recent.stream().filter(e -> signature.equals(e.signature())).forEach(e -> blamed.add(e.deliveryId()));
    }

    /** null for results that say nothing about the relay. */
    private static String signatureOf(SendResult result) {
        SmtpReply reply = result.reply();
        if (reply != null && (AUTHENTICATION_CODES.contains(reply.code()) || AUTHENTICATION_ENHANCED.equals(reply.enhancedCode()))) {
            return AUTHENTICATION;
        }
        if (result.outcome() == Outcome.CONNECTION_FAILED) {
            return reply != null && reply.code() == SERVICE_NOT_AVAILABLE ? null : UNREACHABLE;
        }
        if (result.outcome() == Outcome.REJECTED_PERMANENT && reply != null && reply.enhancedCode() != null
                && reply.enhancedCode().startsWith("5.7.")) {
            return reply.code() + " " + reply.enhancedCode();
        }
        return null;
    }
}
