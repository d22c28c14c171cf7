package io.noticemailer.smtp;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SmtpReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Servers often echo the recipient in their replies ("550 5.1.1 &lt;taro@…&gt;: unknown user"); replies end up
 * in logs and reports, so the address is replaced by a masked form such as {@code t***@docomo.ne.jp}.
 */
final class AddressMasking {

    private static final String HIDDEN = "***";

    private AddressMasking() {
    }

    static SendResult hide(SendResult result, String recipient) {
        SmtpReply reply = result.reply();
        SmtpReply maskedReply = reply == null ? null
                : new SmtpReply(reply.code(), reply.enhancedCode(), hide(reply.text(), recipient));
        return new SendResult(result.outcome(), maskedReply, hide(result.detail(), recipient));
    }

    static String hide(String text, String recipient) {
        if (text == null || recipient == null || recipient.isEmpty()) {
            return text;
        }
        Pattern address = Pattern.compile(Pattern.quote(recipient), Pattern.CASE_INSENSITIVE);
        return address.matcher(text).replaceAll(Matcher.quoteReplacement(masked(recipient)));
    }

    static String masked(String recipient) {
        int at = recipient.lastIndexOf('@');
        if (at <= 0) {
            return HIDDEN;
        }
        return recipient.charAt(0) + HIDDEN + recipient.substring(at);
    }
}
