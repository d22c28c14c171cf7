package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeCharsetTest {

    private static final Charset JIS = Charset.forName("ISO-2022-JP");
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @Test
    void javasOwnEncoderSilentlyReplacesWhatJisLacksWhichIsWhyWeNeverUseIt() {
        String text = "①ご案内 髙橋様 9:30～18:30 0120－123－456";

        assertThat(new String(text.getBytes(JIS), JIS)).isEqualTo("？ご案内 ？橋様 9:30？18:30 0120？123？456");
        assertThat(NoticeCharset.ISO_2022_JP.encodeStrictly(NoticeCharset.ISO_2022_JP.prepare(text))).isEmpty();
    }

    /** Each pair is one JIS character: Windows (CP932) types the left form, JIS X 0208 decoders give the right one. */
    @ParameterizedTest
    @CsvSource({"～,〜", "∥,‖", "－,−", "―,—", "￠,¢", "￡,£", "￢,¬"})
    void cp932FormsAreMappedToTheJisFormOfTheSameCharacterBeforeEncoding(String windows, String jis) {
        String prepared = NoticeCharset.ISO_2022_JP.prepare("9:30" + windows + "18:30");

        assertThat(prepared).isEqualTo("9:30" + jis + "18:30");
        byte[] bytes = NoticeCharset.ISO_2022_JP.encodeStrictly(prepared).orElseThrow();
        assertThat(new String(bytes, JIS)).isEqualTo(prepared);
        // the same JIS row and cell: Shift_JIS bytes of the Windows form = JIS bytes of the mapped form
        assertThat(shiftJisToJis(windows.getBytes(WINDOWS_31J))).isEqualTo(jisBytes(bytes));
        assertThat(NoticeCharset.ISO_2022_JP.carries(windows.codePointAt(0))).isTrue();
    }

    /** The two bytes of a Shift_JIS double-byte character as JIS X 0208 row/cell bytes (the standard arithmetic). */
    private static int shiftJisToJis(byte[] sjis) {
        int s1 = sjis[0] & 0xFF;
        int s2 = sjis[1] & 0xFF;
        int row = (s1 - (s1 >= 0xE0 ? 0xB0 : 0x70)) * 2;
        if (s2 >= 0x9F) {
            return row << 8 | (s2 - 0x7E);
        }
        return (row - 1) << 8 | (s2 - (s2 >= 0x80 ? 0x20 : 0x1F));
    }

    /** The two JIS bytes between "ESC $ B" and the next escape. */
    private static int jisBytes(byte[] iso2022jp) {
        String wire = new String(iso2022jp, StandardCharsets.ISO_8859_1);
        int start = wire.indexOf("\u001b$B") + "\u001b$B".length();
        return (wire.charAt(start) & 0xFF) << 8 | (wire.charAt(start + 1) & 0xFF);
    }

    @ParameterizedTest
    @ValueSource(strings = {"①", "②", "㈱", "№", "Ⅰ", "髙", "﨑", "德", "栁", "𠮷", "😀", "•", "ｶ", "ﾀ", "ｰ"})
    void charactersOutsideJisX0208AndHalfWidthKatakanaAreNotCarried(String character) {
        assertThat(NoticeCharset.ISO_2022_JP.carries(character.codePointAt(0))).isFalse();
        assertThat(NoticeCharset.ISO_2022_JP.encodeStrictly("ご案内" + character)).isEmpty();
        assertThat(NoticeCharset.UTF_8.carries(character.codePointAt(0))).isTrue();
    }

    @Test
    void halfWidthKatakanaWouldBecomeJisX0201KatakanaWhichRfc1468DoesNotAllow() {
        byte[] javas = "ｶﾀｶﾅ".getBytes(JIS);

        assertThat(new String(javas, StandardCharsets.ISO_8859_1)).contains("\u001b(I");
        assertThat(NoticeCharset.ISO_2022_JP.encodeStrictly("ｶﾀｶﾅ")).isEmpty();
    }

    @Test
    void jisTextEncodesWithEscapesAndEndsInAscii() {
        byte[] bytes = NoticeCharset.ISO_2022_JP.encodeStrictly("受付時間 9:30〜18:30").orElseThrow();
        String wire = new String(bytes, StandardCharsets.ISO_8859_1);

        assertThat(wire).startsWith("\u001b$B").endsWith("18:30").contains("\u001b(B");
        assertThat(wire.chars()).allMatch(c -> c < 0x80);
    }

    @Test
    void utf8CarriesEverythingButAnUnpairedSurrogate() {
        assertThat(NoticeCharset.UTF_8.encodeStrictly("髙𠮷①ｶ😀")).isPresent();
        assertThat(NoticeCharset.UTF_8.encodeStrictly("a\uD842b")).isEmpty();
        assertThat(NoticeCharset.UTF_8.prepare("～－")).isEqualTo("～－");
    }

    /** The fast path against a strict CharsetEncoder, which reports exactly the unpaired surrogates. */
    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "髙橋 𠮷男 様\r\n", "\uD842\uDFB7", "\uDC00", "a\uD842", "\uD842", "\uDFB7\uD842",
            "x\uD842\uD842\uDFB7", "😀\uDE00"})
    void givenUtf8_whenEncodingStrictly_thenTheResultIsAStrictEncodersOne(String text) throws Exception {
        CharsetEncoder strict = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        byte[] expected;
        try {
            ByteBuffer encoded = strict.encode(CharBuffer.wrap(text));
            expected = Arrays.copyOf(encoded.array(), encoded.limit());
        } catch (CharacterCodingException e) {
            expected = null;
        }

        assertThat(NoticeCharset.UTF_8.encodeStrictly(text).orElse(null)).isEqualTo(expected);
    }

    @Test
    void givenCp932FormsAroundSurrogatePairs_whenPrepared_thenOnlyTheFormsChange() {
        assertThat(NoticeCharset.ISO_2022_JP.prepare("𠮷～𠮷－\uD842")).isEqualTo("𠮷〜𠮷−\uD842");
        String untouched = "髙橋 𠮷男 様";
        assertThat(NoticeCharset.ISO_2022_JP.prepare(untouched)).isSameAs(untouched);
    }

    @Test
    void namesAreTheRegisteredOnesNeverJavasWindowsVariants() {
        assertThat(NoticeCharset.of("iso-2022-jp").mimeName()).isEqualTo("ISO-2022-JP");
        assertThat(NoticeCharset.of("utf-8").mimeName()).isEqualTo("UTF-8");
    }
}
