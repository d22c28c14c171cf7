package io.noticemailer.hotline;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import io.noticemailer.code.ManagementCodes;
import io.noticemailer.ledger.LedgerEntry;
import io.noticemailer.ledger.LedgerExport;

/**
 * Finds the delivery behind a management code as a caller reads it out, in every campaign. A code whose
 * check character does not match was misheard or mistyped: the existing codes one character (or one swap
 * of neighbours) away are what the caller most likely has in front of them.
 */
@Service
public class HotlineLookup {

    public enum Kind {
        /** The code exists: {@code entries} are its deliveries (one per campaign that has it). */
        FOUND,
        /** The code is well formed and its check character matches, but no delivery has it. */
        NOT_FOUND,
        /** The check character does not match: {@code entries} are the existing codes one character away. */
        MISTYPED,
        /** Not readable as a code at all (wrong length, characters that are in no code). */
        UNREADABLE
    }

    /** @param code the code as read (canonical form), null when unreadable */
    public record Answer(Kind kind, String code, List<LedgerEntry> entries) {
    }

    private final ManagementCodes codes;
    private final LedgerExport ledger;

    HotlineLookup(ManagementCodes codes, LedgerExport ledger) {
        this.codes = codes;
        this.ledger = ledger;
    }

    public Answer lookup(String typed) {
        Optional<String> read = codes.normalise(typed);
        if (read.isEmpty()) {
            return new Answer(Kind.UNREADABLE, null, List.of());
        }
        String code = read.get();
        if (!codes.isValid(code)) {
            return new Answer(Kind.MISTYPED, code, ledger.byCodes(codes.oneCharacterAway(code)));
        }
        List<LedgerEntry> found = ledger.byCodes(List.of(code));
        return new Answer(found.isEmpty() ? Kind.NOT_FOUND : Kind.FOUND, code, found);
    }
}
