package io.noticemailer.input;

import static io.noticemailer.input.Fixtures.WINDOWS_31J;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputEncodingTest {

    private static final String HARD_NAME = "①髙﨑～";
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};

    @TempDir
    Path dir;

    @Test
    void windows31jFileDecodesCircledDigitHashigoTakaTatsuSakiAndFullwidthTildeToExactCodePoints() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1," + HARD_NAME + ",a@example.com,card\r\n", WINDOWS_31J);

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(WINDOWS_31J);
            assertThat(input.next().name().codePoints().toArray())
                    .containsExactly(0x2460, 0x9AD9, 0xFA11, 0xFF5E);
        }
    }

    @Test
    void utf8BomIsStrippedFromTheFirstHeader() {
        Path file = Fixtures.writeBytes(dir, UTF8_BOM,
                (Fixtures.HEADER + "\n1,髙橋,a@example.com,card\n").getBytes(StandardCharsets.UTF_8));

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(input.headers().get(0)).isEqualTo("会員ID");
            InputRow row = input.next();
            assertThat(row.customerId()).isEqualTo("1");
            assertThat(row.valid()).isTrue();
        }
    }

    @Test
    void utf8BomIsAlsoStrippedWhenTheJobFileSaysUtf8() {
        Path file = Fixtures.writeBytes(dir, UTF8_BOM,
                (Fixtures.HEADER + "\n1,髙橋,a@example.com,card\n").getBytes(StandardCharsets.UTF_8));

        try (InputFile input = Fixtures.open(file, "UTF-8")) {
            assertThat(input.headers()).containsExactly("会員ID", "氏名", "メールアドレス", "区分");
        }
    }

    @Test
    void utf8WithoutBomIsDetectedAsUtf8() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\n1," + HARD_NAME + "𠮷,a@example.com,form\n",
                StandardCharsets.UTF_8);

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(StandardCharsets.UTF_8);
            assertThat(input.next().name()).isEqualTo(HARD_NAME + "𠮷");
        }
    }

    @Test
    void utf16leWithBomTabSeparatedAsExcelUnicodeTextIsRead() {
        String text = "会員ID\t氏名\tメールアドレス\t区分\r\n1\t𠮷田 ①\ttaro..yamada@docomo.example\tcard\r\n";
        Path file = Fixtures.writeBytes(dir, UTF16LE_BOM, text.getBytes(StandardCharsets.UTF_16LE));

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(input.headers()).containsExactly("会員ID", "氏名", "メールアドレス", "区分");
            InputRow row = input.next();
            assertThat(row.name()).isEqualTo("𠮷田 ①");
            assertThat(row.email()).isEqualTo("taro..yamada@docomo.example");
            assertThat(row.valid()).isTrue();
        }
    }

    /** Excel "CSV" on Japanese Windows: every hard character of the corpus comes back as exactly that code point. */
    @Test
    void windows31jCorpusOfHardCharactersDecodesToExactCodePoints() {
        String corpus = "①②③㈱№Ⅰ髙﨑德栁～－ｶﾀｶﾅ";
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1," + corpus + ",a@example.com,card\r\n", WINDOWS_31J);

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(WINDOWS_31J);
            assertThat(input.next().name().codePoints().toArray()).containsExactly(0x2460, 0x2461, 0x2462, 0x3231, 0x2116,
                    0x2160, 0x9AD9, 0xFA11, 0x5FB7, 0x6801, 0xFF5E, 0xFF0D, 0xFF76, 0xFF80, 0xFF76, 0xFF85);
        }
    }

    @Test
    void utf16leWithBomAndCommasIsReadToo() {
        String text = "会員ID,氏名,メールアドレス,区分\r\n1,\"𠮷田, 花子\",hanako.@ezweb.example,form\r\n";
        Path file = Fixtures.writeBytes(dir, UTF16LE_BOM, text.getBytes(StandardCharsets.UTF_16LE));

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.charset()).isEqualTo(StandardCharsets.UTF_16LE);
            assertThat(input.next().name()).isEqualTo("𠮷田, 花子");
        }
    }

    @Test
    void utf16leWithABrokenSurrogateFailsNamingItsLine() {
        byte[] good = (Fixtures.HEADER + "\r\n1,山田,a@example.com,card\r\n2,").getBytes(StandardCharsets.UTF_16LE);
        byte[] loneHighSurrogate = {0x42, (byte) 0xD8, 'x', 0};
        byte[] rest = ",b@example.com,card\r\n".getBytes(StandardCharsets.UTF_16LE);
        Path file = Fixtures.writeBytes(dir, UTF16LE_BOM, good, loneHighSurrogate, rest);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessageContaining("UTF-16LE BOM");
    }

    @Test
    void utf16WithoutABomIsRefusedWithAHintInsteadOfReadAsNonsense() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,山田,a@example.com,card\r\n", StandardCharsets.UTF_16LE);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("UTF-16 without a byte order mark").hasMessageContaining("Unicode text");
    }

    @Test
    void utf16beWithBomIsReadToo() {
        String text = Fixtures.HEADER + "\r\n1,髙橋,a@example.com,card\r\n";
        Path file = Fixtures.writeBytes(dir, new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE));

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.next().name()).isEqualTo("髙橋");
        }
    }

    @Test
    void byteInvalidInUtf8AndWindows31jFailsNamingItsLine() {
        byte[] good = (Fixtures.HEADER + "\r\n1,髙橋,a@example.com,card\r\n2,").getBytes(WINDOWS_31J);
        byte[] rest = "x,b@example.com,card\r\n".getBytes(WINDOWS_31J);
        Path file = Fixtures.writeBytes(dir, good, new byte[] {(byte) 0xA0}, rest);

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOf(InputFileException.class)
                .hasMessageContaining("line 3")
                .hasMessageContaining("0xA0")
                .hasMessageContaining("neither UTF-8 nor windows-31j")
                .satisfies(e -> assertThat(((InputFileException) e).line()).isEqualTo(3))
                .satisfies(e -> assertThat(((InputFileException) e).file()).isEqualTo(file));
    }

    @Test
    void truncatedDoubleByteCharacterAtTheEndIsABadByte() {
        byte[] good = (Fixtures.HEADER + "\r\n1,髙橋,a@example.com,card\r\n").getBytes(WINDOWS_31J);
        Path file = Fixtures.writeBytes(dir, good, new byte[] {(byte) 0x88});

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(3));
    }

    @Test
    void explicitUtf8RefusesAWindows31jFileNamingTheFirstBadLine() {
        Path file = Fixtures.write(dir, "会員ID,name,email,cohort\r\n", WINDOWS_31J);

        assertThatThrownBy(() -> Fixtures.open(file, "UTF-8"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(1))
                .hasMessageContaining("UTF-8");
    }

    @Test
    void explicitWindows31jRefusesAnUnmappedByte() {
        byte[] good = (Fixtures.HEADER + "\r\n1,a,a@example.com,card\r\n2,b,b@example.com,card\r\n3,")
                .getBytes(WINDOWS_31J);
        Path file = Fixtures.writeBytes(dir, good, new byte[] {(byte) 0x80, ',', 'x'});

        assertThatThrownBy(() -> Fixtures.open(file, "windows-31j"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("0x80");
    }

    @Test
    void unknownEncodingNameIsRefused() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n", StandardCharsets.UTF_8);

        assertThatThrownBy(() -> Fixtures.open(file, "Shift_JIS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input.encoding");
    }

    @Test
    void sha256IsTheLowerCaseHexDigestOfTheFileBytes() throws Exception {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,髙橋,a@example.com,card\r\n", WINDOWS_31J);
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file));
        String expected = HexFormat.of().formatHex(digest);

        try (InputFile input = Fixtures.open(file, "auto")) {
            assertThat(input.sha256()).isEqualTo(expected).matches("[0-9a-f]{64}");
            assertThat(input.path()).isEqualTo(file);
        }
    }

    @Test
    void fileLargerThanTheScanBuffersKeepsLineNumbersAcrossBufferBoundaries() {
        StringBuilder text = new StringBuilder(Fixtures.HEADER).append("\r\n");
        int rows = 5000;
        for (int i = 1; i <= rows; i++) {
            text.append(i).append(",髙橋 ").append(i).append(",a").append(i).append("@example.com,card\r\n");
        }
        byte[] good = text.toString().getBytes(WINDOWS_31J);
        Path file = Fixtures.writeBytes(dir, good, new byte[] {(byte) 0xFF, '\r', '\n'});

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isEqualTo(rows + 2));
    }

    @Test
    void missingFileIsAnInputFileException() {
        Path file = dir.resolve("absent.csv");

        assertThatThrownBy(() -> Fixtures.open(file, "auto"))
                .isInstanceOfSatisfying(InputFileException.class, e -> assertThat(e.line()).isZero())
                .hasMessageContaining("absent.csv");
    }

    @Test
    void windows31jRowsAreAllReadBackWithLineNumbers() {
        Path file = Fixtures.write(dir, Fixtures.HEADER + "\r\n1,山﨑,a@example.com,card\r\n2,髙橋,b@example.com,form\r\n",
                WINDOWS_31J);

        List<InputRow> rows = Fixtures.readAll(file, "windows-31j");

        assertThat(rows).extracting(InputRow::line, InputRow::name)
                .containsExactly(tuple(2L, "山﨑"),
                        tuple(3L, "髙橋"));
    }
}
