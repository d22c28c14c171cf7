package io.noticemailer.message;

import java.util.Map;

/**
 * The characters that Windows (CP932, windows-31j) and JIS X 0208 map to different Unicode code points for the
 * same JIS character. Text typed on Windows carries the CP932 forms; Java's ISO-2022-JP encoder only knows the
 * JIS forms and would silently turn the others into '?'. Mapping them first sends the very same JIS character,
 * so the reader sees the glyph that was typed.
 */
final class JisMapping {

    /** CP932 form → JIS X 0208 form (both sides decode to the same JIS row and cell). */
    static final Map<Integer, Integer> CP932_TO_JIS = Map.of(
            0xFF5E, 0x301C,  // ～ FULLWIDTH TILDE → 〜 WAVE DASH (1-33)
            0x2225, 0x2016,  // ∥ PARALLEL TO → ‖ DOUBLE VERTICAL LINE (1-34)
            0xFF0D, 0x2212,  // － FULLWIDTH HYPHEN-MINUS → − MINUS SIGN (1-61)
            0x2015, 0x2014,  // ― HORIZONTAL BAR → — EM DASH (1-29)
            0xFFE0, 0x00A2,  // ￠ FULLWIDTH CENT SIGN → ¢ CENT SIGN (1-81)
            0xFFE1, 0x00A3,  // ￡ FULLWIDTH POUND SIGN → £ POUND SIGN (1-82)
            0xFFE2, 0x00AC); // ￢ FULLWIDTH NOT SIGN → ¬ NOT SIGN (2-44)

    private JisMapping() {
    }

    static int map(int codePoint) {
        return CP932_TO_JIS.getOrDefault(codePoint, codePoint);
    }

    static String apply(String text) {
        if (text.chars().noneMatch(c -> CP932_TO_JIS.containsKey(c))) {
            return text;
        }
        StringBuilder mapped = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> mapped.appendCodePoint(map(cp)));
        return mapped.toString();
    }
}
