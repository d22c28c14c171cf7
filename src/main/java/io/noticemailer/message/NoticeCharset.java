package io.noticemailer.message;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The charset a notice is written in. UTF-8 carries every character. ISO-2022-JP (RFC 1468) carries ASCII and
 * JIS X 0208 only, and Java's own encoder replaces everything else by '?' without a word: here every text is
 * encoded strictly, so a character it cannot carry is reported, never replaced.
 */
public enum NoticeCharset {

    UTF_8("UTF-8", StandardCharsets.UTF_8),
    ISO_2022_JP("ISO-2022-JP", Charset.forName("ISO-2022-JP"));

    private static final int FIRST_HALF_WIDTH_KATAKANA = 0xFF61;
    private static final int LAST_HALF_WIDTH_KATAKANA = 0xFF9F;

    private final String mimeName;
    private final Charset charset;

    NoticeCharset(String mimeName, Charset charset) {
        this.mimeName = mimeName;
        this.charset = charset;
    }

    /** @param name as the job file has it: UTF-8 or ISO-2022-JP, any case */
    public static NoticeCharset of(String name) {
        for (NoticeCharset value : values()) {
            if (value.mimeName.equalsIgnoreCase(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("charset '" + name + "' is neither UTF-8 nor ISO-2022-JP");
    }

    /** The registered name written into Content-Type and encoded-words (never x-windows-iso2022jp). */
    public String mimeName() {
        return mimeName;
    }

    Charset charset() {
        return charset;
    }

    /** The text as it will be encoded: for ISO-2022-JP, the CP932 forms of JIS characters (～ －) become the JIS forms. */
    public String prepare(String text) {
        return this == ISO_2022_JP ? JisMapping.apply(text) : text;
    }

    /** Whether this charset carries the character once {@link #prepare prepared}. */
    public boolean carries(int codePoint) {
        return carrier().test(codePoint);
    }

    /** {@link #carries} with one reusable encoder, for checking many characters; not thread-safe. */
    public IntPredicate carrier() {
        if (this == UTF_8) {
            return cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE;
        }
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return cp -> !isHalfWidthKatakana(cp) && encoder.canEncode(Character.toString(JisMapping.map(cp)));
    }

    /** The prepared text's bytes, or empty when it holds a character this charset cannot carry. */
    public Optional<byte[]> encodeStrictly(String prepared) {
        if (this == UTF_8) {
            // An unpaired surrogate is the only text UTF-8 cannot carry, and the one String.getBytes would turn
            // into '?': refused here, the rest takes the JDK's fast path (a CharsetEncoder costs several times it).
            return hasUnpairedSurrogate(prepared) ? Optional.empty() : Optional.of(prepared.getBytes(StandardCharsets.UTF_8));
        }
        if (hasHalfWidthKatakana(prepared)) {
            // Java would switch to JIS X 0201 katakana (ESC ( I), which RFC 1468 does not allow.
            return Optional.empty();
        }
        CharsetEncoder encoder = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            // Over an array, not the String itself: the JDK's ISO-2022-JP encoder then takes its array loop, which
            // is several times faster than its buffer loop (then the better part of composing a JIS notice).
            ByteBuffer encoded = encoder.encode(CharBuffer.wrap(prepared.toCharArray()));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return Optional.of(bytes);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean isHalfWidthKatakana(int codePoint) {
        return codePoint >= FIRST_HALF_WIDTH_KATAKANA && codePoint <= LAST_HALF_WIDTH_KATAKANA;
    }

    private static boolean hasHalfWidthKatakana(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isHalfWidthKatakana(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return mimeName;
    }
}
