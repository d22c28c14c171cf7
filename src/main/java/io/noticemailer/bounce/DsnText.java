package io.noticemailer.bounce;

import java.io.UnsupportedEncodingException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.noticemailer.ledger.AddressMask;
import jakarta.mail.internet.MimeUtility;

/**
 * The text of DSN fields as people should read it. RFC 3464 fields are ASCII, but Japanese gateways write
 * raw ISO-2022-JP, UTF-8 or Shift_JIS in {@code Diagnostic-Code}, and some use encoded words: Jakarta Mail hands the raw
 * bytes over as ISO-8859-1 characters, decoded here. Every e-mail address in it is masked as replies are
 * ({@code t***@docomo.ne.jp}) before it is stored or shown.
 */
final class DsnText {

    static final int MAX_LENGTH = 1000;
    private static final Pattern FOLD = Pattern.compile("\r?\n[ \t]+");
    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9-]+)+");
    private static final Pattern STATUS = Pattern.compile("\\b[245]\\.\\d{1,3}\\.\\d{1,3}\\b");
    private static final Pattern REPLY_CODE = Pattern.compile("^([245][0-5]\\d)(?:[ -]|$)");
    private static final Charset ISO_2022_JP = Charset.forName("ISO-2022-JP");
    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final char ESC = 0x1B;

    private DsnText() {
    }

    /** A field's value unfolded, its raw bytes decoded (ISO-2022-JP, UTF-8, encoded words), controls removed. */
    static String decode(String raw) {
        if (raw == null) {
            return null;
        }
        String text = FOLD.matcher(raw).replaceAll(" ").strip();
        if (text.chars().allMatch(c -> c <= 0xFF)) {
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            if (text.indexOf(ESC) >= 0) {
                text = new String(bytes, ISO_2022_JP);
            } else if (text.chars().anyMatch(c -> c >= 0x80)) {
                text = strict(bytes, StandardCharsets.UTF_8, strict(bytes, WINDOWS_31J, text));
            }
        }
        if (text.contains("=?")) {
            try {
                text = MimeUtility.decodeText(text);
            } catch (UnsupportedEncodingException e) {
                // an unknown charset in an encoded word: keep it as written
            }
        }
        return text.replaceAll("\\p{Cntrl}", " ").strip();
    }

    /** {@code smtp; 550 5.1.1 …} → {@code 550 5.1.1 …}: the SMTP reply as the remote server gave it. */
    static String diagnostic(String value) {
        if (value == null) {
            return "";
        }
        int semicolon = value.indexOf(';');
        if (semicolon > 0 && value.substring(0, semicolon).strip().equalsIgnoreCase("smtp")) {
            return value.substring(semicolon + 1).strip();
        }
        return value;
    }

    /** The address after the type: {@code rfc822; taro@docomo.ne.jp} → {@code taro@docomo.ne.jp}; null if none. */
    static String address(String field) {
        if (field == null) {
            return null;
        }
        int semicolon = field.indexOf(';');
        String address = (semicolon < 0 ? field : field.substring(semicolon + 1)).strip();
        if (address.startsWith("<") && address.endsWith(">")) {
            address = address.substring(1, address.length() - 1).strip();
        }
        return address.isEmpty() ? null : address;
    }

    /** The first status code in the field ({@code 5.1.1 (bad mailbox)} → {@code 5.1.1}), or null. */
    static String status(String field) {
        if (field == null) {
            return null;
        }
        Matcher status = STATUS.matcher(field);
        return status.find() ? status.group() : null;
    }

    /** The SMTP reply code the diagnostic starts with ({@code 550 …} → 550), or null. */
    static Integer replyCode(String diagnostic) {
        Matcher code = REPLY_CODE.matcher(diagnostic == null ? "" : diagnostic);
        return code.find() ? Integer.valueOf(code.group(1)) : null;
    }

    /** Every address masked: {@code recipient} as written (any case), then anything that looks like one. */
    static String masked(String text, String recipient) {
        if (text == null) {
            return null;
        }
        String masked = text;
        if (recipient != null && !recipient.isEmpty()) {
            masked = Pattern.compile(Pattern.quote(recipient), Pattern.CASE_INSENSITIVE).matcher(masked)
                    .replaceAll(Matcher.quoteReplacement(AddressMask.mask(recipient)));
        }
        return ADDRESS.matcher(masked).replaceAll(m -> Matcher.quoteReplacement(AddressMask.mask(m.group())));
    }

    /** At most {@value #MAX_LENGTH} characters (the ledger's column), cut between code points. */
    static String bounded(String text) {
        if (text == null || text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "…";
    }

    private static String strict(byte[] bytes, Charset charset, String fallback) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return fallback;
        }
    }
}
