package io.noticemailer.input;

/** Character-level helpers shared by the input rules. */
final class Text {

    private static final char ASCII_SPACE = ' ';
    private static final char IDEOGRAPHIC_SPACE = '\u3000';
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;
    private static final int MAX_SHOWN_CODE_POINTS = 32;

    private Text() {
    }

    /**
     * Strips ASCII spaces and U+3000 at both ends, nothing else: a tab or a zero-width space at the edge of a
     * name is a defect to report, not something to hide.
     */
    static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isTrimmable(value.charAt(start))) {
            start++;
        }
        while (end > start && isTrimmable(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isTrimmable(char c) {
        return c == ASCII_SPACE || c == IDEOGRAPHIC_SPACE;
    }

    /** Names a character without printing it, e.g. {@code U+202E}. */
    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }

    /**
     * True for characters that must never reach a mail header or a template: controls (C0, DEL, C1), format
     * characters (bidi controls, zero-width characters, BOM), line and paragraph separators, and U+FFFD, which
     * means the text was already garbled before it reached the file.
     */
    static boolean isForbiddenInText(int cp) {
        int type = Character.getType(cp);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || cp == REPLACEMENT_CHARACTER;
    }

    /** The first forbidden character, or -1. */
    static int firstForbidden(String value) {
        return value.codePoints().filter(Text::isForbiddenInText).findFirst().orElse(-1);
    }

    /** A short, log-safe rendering of a non-personal value (e.g. a cohort): forbidden characters become U+XXXX. */
    static String shown(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN_CODE_POINTS).forEach(cp -> {
            if (isForbiddenInText(cp)) {
                out.append(codePoint(cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return value.codePointCount(0, value.length()) > MAX_SHOWN_CODE_POINTS ? out + "…" : out.toString();
    }
}
