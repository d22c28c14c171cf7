package io.noticemailer.send;

/** An SMTP reply: basic code, enhanced status code (RFC 3463, may be null) and the server's text. */
public record SmtpReply(int code, String enhancedCode, String text) {

    @Override
    public String toString() {
        return code + (enhancedCode == null ? "" : " " + enhancedCode) + (text == null || text.isEmpty() ? "" : " " + text);
    }
}
