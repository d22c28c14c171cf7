package io.noticemailer.lint;

import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.util.HashMap;
import java.util.Map;

/** What is wrong, if anything, with one character of a notice. */
final class CharacterRules {

    private static final int TAB = '\t';
    private static final int LF = '\n';
    private static final int CR = '\r';
    private static final int REPLACEMENT_CHARACTER = 0xFFFD;
    private static final int LAST_ASCII = 0x7F;
    private static final int FIRST_EMOJI_PLANE_BLOCK = 0x1F000;
    private static final int LAST_EMOJI_PLANE_BLOCK = 0x1FAFF;
    private static final int FIRST_DINGBAT = 0x2600;
    private static final int LAST_DINGBAT = 0x27BF;
    private static final String BIDI_CONTROLS = "\u061C\u200E\u200F\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069";

    private final CharsetEncoder shiftJis = Charset.forName("windows-31j").newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final Map<Integer, Boolean> inShiftJis = new HashMap<>();

    /**
     * Null for an acceptable character, else why it must not be in a notice: controls (a TAB and line ends
     * excepted), bidi controls, zero-width and other invisible format characters, line and paragraph separators,
     * and U+FFFD, the mark of text garbled before it got here.
     */
    static String forbidden(int cp) {
        if (cp == TAB || cp == LF || cp == CR) {
            return null;
        }
        if (BIDI_CONTROLS.indexOf(cp) >= 0) {
            return "bidi control character: it can make the text read differently from what was written";
        }
        if (cp == REPLACEMENT_CHARACTER) {
            return "replacement character: the text was garbled (not valid UTF-8) before it got here";
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL -> "control character";
            case Character.FORMAT -> "invisible (zero-width or format) character";
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> "line or paragraph separator";
            default -> null;
        };
    }

    /**
     * Null when Japanese feature-phone era clients show the character, else why they may not: they read
     * Shift_JIS (CP932), and drop or garble anything outside it, emoji above all.
     */
    String featurePhoneRisk(int cp) {
        if (cp <= LAST_ASCII || inShiftJis.computeIfAbsent(cp, c -> shiftJis.canEncode(Character.toString(c)))) {
            return null;
        }
        boolean emoji = (cp >= FIRST_EMOJI_PLANE_BLOCK && cp <= LAST_EMOJI_PLANE_BLOCK)
                || (cp >= FIRST_DINGBAT && cp <= LAST_DINGBAT);
        return (emoji ? "emoji" : "not in Shift_JIS (CP932)")
                + ": feature-phone era Japanese mail clients drop or garble it";
    }

    /** {@code U+2460 ① (CIRCLED DIGIT ONE)}; invisible characters are named, not printed. */
    static String describe(int cp) {
        String code = String.format("U+%04X", cp);
        String name = Character.getName(cp);
        boolean visible = forbidden(cp) == null && !Character.isWhitespace(cp);
        return code + (visible ? " " + Character.toString(cp) : "") + (name == null ? "" : " (" + name + ")");
    }
}
