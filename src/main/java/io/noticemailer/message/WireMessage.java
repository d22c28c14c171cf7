package io.noticemailer.message;

import java.util.List;

/**
 * A message built directly in its wire form: the header fields in order, a blank line, then the body already
 * transfer-encoded with CRLF line ends. Header values are ASCII (encoded words, checked addresses).
 */
record WireMessage(List<HeaderField> headers, byte[] body) {

    private static final int CRLF_LENGTH = 2;

    byte[] bytes() {
        String[] lines = new String[headers.size()];
        int length = CRLF_LENGTH + body.length;
        for (int i = 0; i < lines.length; i++) {
            lines[i] = headers.get(i).line();
            length += lines[i].length() + CRLF_LENGTH;
        }
        byte[] wire = new byte[length];
        int at = 0;
        for (String line : lines) {
            at = putLine(wire, at, line);
        }
        at = putLine(wire, at, "");
        System.arraycopy(body, 0, wire, at, body.length);
        return wire;
    }

    /** One octet per char, as Jakarta Mail's LineOutputStream writes a header without SMTPUTF8. */
    private static int putLine(byte[] wire, int at, String line) {
        int next = at;
        for (int i = 0; i < line.length(); i++) {
            wire[next++] = (byte) line.charAt(i);
        }
        wire[next++] = '\r';
        wire[next++] = '\n';
        return next;
    }
}
