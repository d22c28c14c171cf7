package io.noticemailer.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeUtility;

/**
 * The Content-Transfer-Encoding of a text body, chosen by the rule Jakarta Mail's {@code saveChanges} applies
 * to a {@code text/*} part (MimeUtility.getEncoding of its data source), so that a message built by hand has the
 * very bytes it had when Jakarta Mail built it: ASCII only with lines within 998 octets is 7bit; mostly ASCII,
 * or ASCII with a longer line, is quoted-printable; anything else is base64.
 */
enum TransferEncoding {

    SEVEN_BIT("7bit"),
    QUOTED_PRINTABLE("quoted-printable"),
    BASE64("base64");

    /** RFC 5322's limit on a line, CRLF not counted. */
    private static final int MAX_LINE_OCTETS = 998;
    /** Base64 lines of 76 characters with CRLF between them. */
    private static final Base64.Encoder MIME_BASE64 = Base64.getMimeEncoder();
    private static final int BASE64_LINE = 76;

    private final String mimeName;

    TransferEncoding(String mimeName) {
        this.mimeName = mimeName;
    }

    String mimeName() {
        return mimeName;
    }

    static TransferEncoding forText(byte[] body) {
        int other = nonAsciiOctets(body);
        if (other == 0) {
            return hasLongLine(body) ? QUOTED_PRINTABLE : SEVEN_BIT;
        }
        return body.length - other > other ? QUOTED_PRINTABLE : BASE64;
    }

    /**
     * Counted until they are at least half the body, where base64 is certain: a Japanese body is decided
     * halfway. Line lengths only matter to an all-ASCII body, so they are measured apart (and rarely).
     */
    private static int nonAsciiOctets(byte[] body) {
        int other = 0;
        for (int i = 0; i < body.length && other * 2 < body.length; i++) {
            if (isNonAscii(body[i] & 0xff)) {
                other++;
            }
        }
        return other;
    }

    private static boolean hasLongLine(byte[] body) {
        int lineLength = 0;
        for (byte b : body) {
            if (b == '\r' || b == '\n') {
                lineLength = 0;
            } else if (++lineLength > MAX_LINE_OCTETS) {
                return true;
            }
        }
        return false;
    }

    /** As Jakarta Mail counts it: DEL, 8-bit octets and controls other than CR, LF and TAB. */
    private static boolean isNonAscii(int octet) {
        return octet >= 0x7f || octet < 0x20 && octet != '\r' && octet != '\n' && octet != '\t';
    }

    byte[] encode(byte[] body) throws IOException, MessagingException {
        return switch (this) {
            case SEVEN_BIT -> body;
            case BASE64 -> base64(body);
            case QUOTED_PRINTABLE -> quotedPrintable(body);
        };
    }

    /** Jakarta Mail's encoder ends every full line at once, so a last line of exactly 76 characters has its CRLF. */
    private static byte[] base64(byte[] body) {
        byte[] lines = MIME_BASE64.encode(body);
        int characters = (body.length + 2) / 3 * 4;
        if (characters == 0 || characters % BASE64_LINE != 0) {
            return lines;
        }
        byte[] ended = Arrays.copyOf(lines, lines.length + 2);
        ended[lines.length] = '\r';
        ended[lines.length + 1] = '\n';
        return ended;
    }

    /**
     * Jakarta Mail's own encoder: its soft line breaks, trailing-blank and bare CR/LF handling are what the
     * receivers got so far. Flushed, not closed, as MimeBodyPart.writeTo leaves it. Rare: notices are Japanese.
     */
    private static byte[] quotedPrintable(byte[] body) throws IOException, MessagingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 3 / 2);
        OutputStream encoder = MimeUtility.encode(out, QUOTED_PRINTABLE.mimeName);
        encoder.write(body);
        encoder.flush();
        return out.toByteArray();
    }
}
