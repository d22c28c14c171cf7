package io.noticemailer.bounce;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What reading the bounce mailbox did: messages read, bounces recorded now, bounces already in the ledger,
 * what was skipped and why (per message, or per recipient block of a DSN), and what could not be read.
 */
public final class BounceTally {

    /** A file, or a message in an mbox file ({@code file#3}), that could not be read or parsed. */
    public record Unreadable(String location, String reason) {
    }

    private long messages;
    private long bounced;
    private long alreadyKnown;
    private final Map<SkipReason, Long> skipped = new EnumMap<>(SkipReason.class);
    private final List<Unreadable> unreadable = new ArrayList<>();

    void message() {
        messages++;
    }

    void countBounced() {
        bounced++;
    }

    void countAlreadyKnown() {
        alreadyKnown++;
    }

    void skipped(SkipReason reason) {
        skipped.merge(reason, 1L, Long::sum);
    }

    void unreadable(String location, String reason) {
        unreadable.add(new Unreadable(location, reason));
    }

    public long messages() {
        return messages;
    }

    public long bouncedNow() {
        return bounced;
    }

    public long alreadyKnown() {
        return alreadyKnown;
    }

    public Map<SkipReason, Long> skippedByReason() {
        return Collections.unmodifiableMap(new EnumMap<>(skipped));
    }

    public long skipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    public List<Unreadable> unreadable() {
        return List.copyOf(unreadable);
    }
}
