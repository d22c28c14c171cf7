package io.noticemailer.lint;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.noticemailer.message.NoticeCharset;
import io.noticemailer.render.RenderedNotice;

/**
 * Checks on a rendered notice: what only shows once the variables are filled in. The subject's end is where
 * the management code is, and phones cut long subjects off; SMTP limits a line to 998 octets.
 */
final class RenderedLint {

    /** Japanese phones show about 20 full-width characters of a subject in a list (40 columns). */
    static final int SUBJECT_VISIBLE_COLUMNS = 40;
    /** "At the top of the body": within this many lines of its start. */
    static final int TOP_LINES = 5;
    static final int MAX_LINE_OCTETS = 998;
    /** Code points from here on take two columns on a Japanese screen (half-width katakana excepted). */
    private static final int FIRST_WIDE = 0x1100;
    private static final int FIRST_HALF_WIDTH_FORM = 0xFF61;
    private static final int LAST_HALF_WIDTH_FORM = 0xFFDC;

    private RenderedLint() {
    }

    static List<LintFinding> check(String template, RenderedNotice notice, String code, NoticeCharset charset) {
        List<LintFinding> findings = new ArrayList<>();
        String subjectFile = template + ".subject.ftl";
        String bodyFile = template + ".body.ftl";
        int width = columns(notice.subject());
        if (width > SUBJECT_VISIBLE_COLUMNS) {
            findings.add(LintFinding.warning(subjectFile, "the rendered subject is " + width + " columns wide;"
                    + " phones show about the first " + SUBJECT_VISIBLE_COLUMNS + ", so the management code at its"
                    + " end may be cut off"));
            if (!atTop(notice.body(), code)) {
                findings.add(LintFinding.error(bodyFile, "the subject is long enough that phones cut the management"
                        + " code off, so the code must also appear in the first " + TOP_LINES + " lines of the body"));
            }
        }
        String[] lines = notice.body().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            int octets = octets(lines[i], charset);
            if (octets > MAX_LINE_OCTETS) {
                findings.add(LintFinding.error(bodyFile, "rendered body line " + (i + 1) + " is " + octets
                        + " octets in " + charset.mimeName() + "; SMTP allows " + MAX_LINE_OCTETS
                        + " (docomo answers \"500 Line Too Long\"): break the line"));
            }
        }
        return findings;
    }

    static int columns(String text) {
        return text.codePoints().map(cp -> cp < FIRST_WIDE
                || (cp >= FIRST_HALF_WIDTH_FORM && cp <= LAST_HALF_WIDTH_FORM) ? 1 : 2).sum();
    }

    private static boolean atTop(String body, String code) {
        String[] lines = body.split("\n", TOP_LINES + 1);
        for (int i = 0; i < Math.min(TOP_LINES, lines.length); i++) {
            if (lines[i].contains(code)) {
                return true;
            }
        }
        return false;
    }

    /** Octets on the wire (ISO-2022-JP escape sequences included); UTF-8 when the charset cannot carry the line. */
    private static int octets(String line, NoticeCharset charset) {
        return charset.encodeStrictly(charset.prepare(line))
                .map(bytes -> bytes.length)
                .orElseGet(() -> line.getBytes(StandardCharsets.UTF_8).length);
    }
}
