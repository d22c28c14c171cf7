package io.noticemailer.code;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a management code as a caller reads it out or types it: any case, spaces, missing or extra hyphens,
 * full-width characters, and in the code part the look-alikes O (read as 0) and I, L (read as 1).
 * Hyphens may be missing, so the split does not rely on them: the last 8 characters are the code,
 * the rest is the prefix (whose letters are taken literally: O may be part of a prefix).
 */
final class CodeNormaliser {

    private static final int FULL_WIDTH_FIRST = 0xFF01;
    private static final int FULL_WIDTH_LAST = 0xFF5E;
    private static final int FULL_WIDTH_OFFSET = 0xFEE0;
    /** Dashes and the long vowel mark that people type for a hyphen in Japanese input methods. */
    private static final String HYPHEN_LIKE = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u30FC\uFF70\uFE63";
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,8}");

    private CodeNormaliser() {
    }

    static Optional<String> normalise(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = compact(typed);
        if (compact == null || compact.length() <= ManagementCodes.CODE_LENGTH) {
            return Optional.empty();
        }
        int split = compact.length() - ManagementCodes.CODE_LENGTH;
        String prefix = compact.substring(0, split);
        String code = readLookAlikes(compact.substring(split));
        if (!PREFIX.matcher(prefix).matches() || code == null) {
            return Optional.empty();
        }
        return Optional.of(ManagementCodes.format(prefix, code));
    }

    /** Upper-case ASCII letters and digits only, or null when anything else than spaces and dashes is typed. */
    private static String compact(String typed) {
        StringBuilder compact = new StringBuilder();
        for (char c : typed.toCharArray()) {
            char ascii = toAscii(c);
            if (Character.isWhitespace(ascii) || Character.isSpaceChar(ascii) || HYPHEN_LIKE.indexOf(ascii) >= 0) {
                continue;
            }
            char upper = Character.toUpperCase(ascii);
            if (!(upper >= 'A' && upper <= 'Z') && !(upper >= '0' && upper <= '9')) {
                return null;
            }
            compact.append(upper);
        }
        return compact.toString();
    }

    private static char toAscii(char c) {
        return c >= FULL_WIDTH_FIRST && c <= FULL_WIDTH_LAST ? (char) (c - FULL_WIDTH_OFFSET) : c;
    }

    private static String readLookAlikes(String code) {
        StringBuilder read = new StringBuilder(code.length());
        for (char c : code.toCharArray()) {
            char meant = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (!CheckCharacter.inAlphabet(meant)) {
                return null;
            }
            read.append(meant);
        }
        return read.toString();
    }
}
