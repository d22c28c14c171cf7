package io.noticemailer.message;

import java.util.Optional;

import io.noticemailer.render.RenderedNotice;

/**
 * A notice's texts prepared for one charset, with the body already encoded (CRLF line ends, the canonical
 * form of MIME text). Empty when that charset cannot carry them: a character it lacks, or for ISO-2022-JP's
 * 7bit body a line over SMTP's 998 octets (docomo answers "500 Line Too Long").
 */
record NoticeText(NoticeCharset charset, String subject, String displayName, byte[] body) {

    static final int MAX_LINE_OCTETS = 998;

    static Optional<NoticeText> in(NoticeCharset charset, RenderedNotice notice, String displayName) {
        String subject = charset.prepare(notice.subject());
        String name = displayName == null ? "" : charset.prepare(displayName);
        if (charset.encodeStrictly(subject).isEmpty() || charset.encodeStrictly(name).isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> body = charset.encodeStrictly(charset.prepare(notice.body()).replace("\n", "\r\n"));
        if (body.isEmpty() || (charset == NoticeCharset.ISO_2022_JP && longestLine(body.get()) > MAX_LINE_OCTETS)) {
            return Optional.empty();
        }
        return Optional.of(new NoticeText(charset, subject, name, body.get()));
    }

    /** Octets of the longest line, CRLF not counted. */
    static int longestLine(byte[] bytes) {
        int longest = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
                longest = Math.max(longest, end - start);
                start = i + 1;
            }
        }
        return longest;
    }
}
