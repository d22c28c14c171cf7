package io.noticemailer.smtp;

import io.noticemailer.send.SmtpReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a raw server response ("250-…\n250 2.0.0 queued") into an {@link SmtpReply}. */
final class SmtpReplies {

    static final int MAX_TEXT_LENGTH = 500;
    private static final Pattern CODE_PREFIX = Pattern.compile("^(\\d{3})(?:[ -]|$)");
    private static final Pattern ENHANCED_PREFIX = Pattern.compile("^(\\d\\.\\d{1,3}\\.\\d{1,3})(?:\\s+|$)");

    private SmtpReplies() {
    }

    /** @return null when the response carries no reply code (nothing came back) */
    static SmtpReply parse(String response) {
        if (response == null) {
            return null;
        }
        Matcher code = CODE_PREFIX.matcher(response.strip());
        return code.find() ? parse(Integer.parseInt(code.group(1)), response) : null;
    }

    /** For exceptions that carry the code separately from the text. */
    static SmtpReply parse(int code, String response) {
        String enhanced = null;
        StringBuilder text = new StringBuilder();
        for (String line : (response == null ? "" : response).strip().split("\r?\n")) {
            String rest = stripCode(line.strip());
            Matcher enhancedMatcher = ENHANCED_PREFIX.matcher(rest);
            if (enhancedMatcher.find()) {
                enhanced = enhanced == null ? enhancedMatcher.group(1) : enhanced;
                rest = rest.substring(enhancedMatcher.end());
            }
            if (!rest.isEmpty()) {
                text.append(text.length() == 0 ? "" : " ").append(rest);
            }
        }
        return new SmtpReply(code, enhanced, cap(text.toString()));
    }

    private static String stripCode(String line) {
        Matcher matcher = CODE_PREFIX.matcher(line);
        return matcher.find() ? line.substring(matcher.end()).strip() : line;
    }

    private static String cap(String text) {
        if (text.length() <= MAX_TEXT_LENGTH) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
        return text.substring(0, end);
    }
}
