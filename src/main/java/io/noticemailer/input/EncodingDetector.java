package io.noticemailer.input;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Chooses the input's charset. {@code auto}: a UTF-8 BOM means UTF-8, a UTF-16LE BOM means UTF-16LE (Excel's
 * "Unicode text"; a UTF-16BE BOM, UTF-16BE), else the first of strict UTF-8 and strict windows-31j that decodes
 * every byte. A NUL byte without a BOM is refused: it is UTF-16 that lost its BOM, which windows-31j would
 * otherwise "decode" into nonsense. Java's {@code Shift_JIS} is never used: it turns 髙, ① and other Windows
 * characters into U+FFFD.
 */
final class EncodingDetector {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final String AUTO = "auto";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};
    /** UTF-16 text without a BOM shows NUL bytes within its first characters; this much is looked at. */
    private static final int NUL_SCAN_BYTES = 64 * 1024;

    private EncodingDetector() {
    }

    /** The charset every byte of the file decodes with, or an InputFileException naming the first bad byte's line. */
    static Charset detect(Path file, String encoding) {
        String wanted = encoding == null ? AUTO : encoding.toLowerCase(Locale.ROOT);
        return switch (wanted) {
            case AUTO -> detectAuto(file);
            case "utf-8" -> require(file, StandardCharsets.UTF_8, "input.encoding is UTF-8");
            case "windows-31j" -> require(file, WINDOWS_31J, "input.encoding is windows-31j");
            default -> throw new IllegalArgumentException(
                    "input.encoding: '" + Text.shown(encoding) + "' is not auto, UTF-8 or windows-31j");
        };
    }

    private static Charset detectAuto(Path file) {
        byte[] start = firstBytes(file, UTF8_BOM.length);
        if (startsWith(start, UTF8_BOM)) {
            return require(file, StandardCharsets.UTF_8, "the file starts with a UTF-8 BOM");
        }
        if (startsWith(start, UTF16LE_BOM)) {
            return require(file, StandardCharsets.UTF_16LE, "the file starts with a UTF-16LE BOM");
        }
        if (startsWith(start, UTF16BE_BOM)) {
            return require(file, StandardCharsets.UTF_16BE, "the file starts with a UTF-16BE BOM");
        }
        refuseNulBytes(file);
        if (StrictDecoding.firstBadByte(file, StandardCharsets.UTF_8).isEmpty()) {
            return StandardCharsets.UTF_8;
        }
        return require(file, WINDOWS_31J, "the file is neither UTF-8 nor windows-31j");
    }

    private static Charset require(Path file, Charset charset, String why) {
        Optional<StrictDecoding.BadByte> bad = StrictDecoding.firstBadByte(file, charset);
        if (bad.isPresent()) {
            throw new InputFileException(file, bad.get().line(), bad.get().describe(charset) + " (" + why + ")");
        }
        return charset;
    }

    private static void refuseNulBytes(Path file) {
        byte[] start = firstBytes(file, NUL_SCAN_BYTES);
        long line = 1;
        for (byte b : start) {
            if (b == 0) {
                throw new InputFileException(file, line, "byte 0x00: this looks like UTF-16 without a byte order mark;"
                        + " save it from Excel as \"Unicode text\" (which has one) or as \"CSV UTF-8\"");
            }
            line += b == '\n' ? 1 : 0;
        }
    }

    private static byte[] firstBytes(Path file, int count) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(count);
        } catch (IOException e) {
            throw InputFileException.unreadable(file, e);
        }
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
