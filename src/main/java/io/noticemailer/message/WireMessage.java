package io.noticemailer.message;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A message built directly in its wire form: the header fields in order, a blank line, then the body already
 * transfer-encoded with CRLF line ends. Header values are ASCII by construction (encoded words, quoted ASCII
 * names, addresses checked to be ASCII), so each char is its own octet, as Jakarta Mail wrote them. {@code subject}
 * is the Subject field's text, as decoding the field gives it back.
 */
record WireMessage(List<HeaderField> headers, byte[] body, String subject) {

    private static final byte[] CRLF = {'\r', '\n'};

    byte[] bytes() {
        byte[][] lines = new byte[headers.size()][];
        int length = CRLF.length + body.length;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = headers.get(i).line().getBytes(StandardCharsets.ISO_8859_1);
            length += lines[i].length + CRLF.length;
        }
        byte[] wire = new byte[length];
        int at = 0;
        for (byte[] line : lines) {
            at = put(wire, at, line);
            at = put(wire, at, CRLF);
        }
        at = put(wire, at, CRLF);
        put(wire, at, body);
        return wire;
    }

    private static int put(byte[] wire, int at, byte[] part) {
        System.arraycopy(part, 0, wire, at, part.length);
        return at + part.length;
    }
}
