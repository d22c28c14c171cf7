package io.noticemailer.message;

/**
 * The characters that Windows (CP932, windows-31j) and JIS X 0208 map to different Unicode code points for the
 * same JIS character. Text typed on Windows carries the CP932 forms; Java's ISO-2022-JP encoder only knows the
 * JIS forms and would silently turn the others into '?'. Mapping them first sends the very same JIS character,
 * so the reader sees the glyph that was typed.
 */
final class JisMapping {

    /** The CP932 forms lie in two ranges: ― (U+2015) to ∥ (U+2225), and － (U+FF0D) to the end of the BMP. */
    private static final char FIRST_CP932_FORM = 0x2015;
    private static final char LAST_BAR_OR_LINE = 0x2225;
    private static final char FIRST_FULLWIDTH_FORM = 0xFF0D;

    private JisMapping() {
    }

    /** CP932 form → JIS X 0208 form (both sides decode to the same JIS row and cell); any other stays. */
    static int map(int codePoint) {
        return switch (codePoint) {
            case 0xFF5E -> 0x301C;  // ～ FULLWIDTH TILDE → 〜 WAVE DASH (1-33)
            case 0x2225 -> 0x2016;  // ∥ PARALLEL TO → ‖ DOUBLE VERTICAL LINE (1-34)
            case 0xFF0D -> 0x2212;  // － FULLWIDTH HYPHEN-MINUS → − MINUS SIGN (1-61)
            case 0x2015 -> 0x2014;  // ― HORIZONTAL BAR → — EM DASH (1-29)
            case 0xFFE0 -> 0x00A2;  // ￠ FULLWIDTH CENT SIGN → ¢ CENT SIGN (1-81)
            case 0xFFE1 -> 0x00A3;  // ￡ FULLWIDTH POUND SIGN → £ POUND SIGN (1-82)
            case 0xFFE2 -> 0x00AC;  // ￢ FULLWIDTH NOT SIGN → ¬ NOT SIGN (2-44)
            default -> codePoint;
        };
    }

    /**
     * Char by char: both forms of every pair are single BMP chars, never surrogates, so this maps exactly what
     * mapping code point by code point would. Runs on every notice's body: no boxing, no stream, no copy unless
     * something changes.
     */
    static String apply(String text) {
        char[] mapped = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < FIRST_CP932_FORM || c > LAST_BAR_OR_LINE && c < FIRST_FULLWIDTH_FORM) {
                continue; // kana, kanji, ASCII: no look-up for the characters of nearly every notice
            }
            char jis = (char) map(c);
            if (jis != c) {
                if (mapped == null) {
                    mapped = text.toCharArray();
                }
                mapped[i] = jis;
            }
        }
        return mapped == null ? text : new String(mapped);
    }
}
