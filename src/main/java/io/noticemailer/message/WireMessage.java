package io.noticemailer.message;

import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A message built directly in its wire form: the header fields in order, a blank line, then the body already
 * transfer-encoded with CRLF line ends. Header values are ASCII (encoded words, checked addresses).
 */
record WireMessage(List<HeaderField> headers, byte[] body) {

    private static final int HEADER_ROOM = 1024;

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + HEADER_ROOM);
        for (HeaderField header : headers) {
            writeLine(out, header.line());
        }
        writeLine(out, "");
        out.writeBytes(body);
        return out.toByteArray();
    }

    /** One octet per char, as Jakarta Mail's LineOutputStream writes a header without SMTPUTF8. */
    private static void writeLine(ByteArrayOutputStream out, String line) {
        for (int i = 0; i < line.length(); i++) {
            out.write((byte) line.charAt(i));
        }
        out.write('\r');
        out.write('\n');
    }
}
