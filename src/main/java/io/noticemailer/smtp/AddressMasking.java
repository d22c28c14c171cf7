package io.noticemailer.smtp;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SmtpReply;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Servers often echo the recipient in their replies ("550 5.1.1 &lt;taro@…&gt;: unknown user"), and not always as
 * it was sent: quoted ({@code "taro..yamada"@docomo.ne.jp}), in another case, or the local part alone ("user
 * taro..yamada unknown"). Replies end up in logs and reports, so every address at the recipient's domain and
 * every stand-alone occurrence of its local part are replaced by a masked form such as {@code t***@docomo.ne.jp}.
 */
final class AddressMasking {

    private static final String HIDDEN = "***";
    /** A local part as servers write it: quoted (any characters, backslash escapes), or a run of non-separators. */
    private static final String LOCAL_PART = "(?:\"(?:[^\"\\\\]|\\\\.)*\"|[^\\s<>()\\[\\],;:\"@]+)";
    /** Characters of a dot-atom other than the dot: a bare local part must not be a piece of a longer word. */
    private static final String ATOM_CHARACTER = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]";
    /** Continues a domain name: the domain must not be the start of a longer one. */
    private static final String DOMAIN_GOES_ON = "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])";

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
        int at = recipient.lastIndexOf('@');
        if (at <= 0 || at == recipient.length() - 1) {
            return exact(text, recipient, masked(recipient));
        }
        String local = recipient.substring(0, at);
        String domain = recipient.substring(at + 1);
        if (!mentions(text, local) && !mentions(text, domain)) {
            // Most replies ("250 2.0.0 Ok: queued as …") name neither: no pattern needs compiling for them.
            return text;
        }
        String hidden = atDomain(exact(text, recipient, masked(recipient)), domain, masked(recipient));
        return bareLocalPart(hidden, local);
    }

    /** Case-insensitive, as every pattern below: a text that fails this cannot match any of them. */
    private static boolean mentions(String text, String part) {
        int last = text.length() - part.length();
        for (int i = 0; i <= last; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return true;
            }
        }
        return false;
    }

    static String masked(String recipient) {
        int at = recipient.lastIndexOf('@');
        if (at <= 0) {
            return HIDDEN;
        }
        return recipient.charAt(0) + HIDDEN + recipient.substring(at);
    }

    private static String exact(String text, String value, String replacement) {
        return Pattern.compile(Pattern.quote(value), Pattern.CASE_INSENSITIVE).matcher(text)
                .replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** Any address at the recipient's domain, quoted or not: a reply names no other mailbox worth keeping. */
    private static String atDomain(String text, String domain, String replacement) {
        Pattern address = Pattern.compile(LOCAL_PART + "@" + Pattern.quote(domain) + DOMAIN_GOES_ON, Pattern.CASE_INSENSITIVE);
        return address.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /**
     * The local part on its own, where it is not part of a longer word. A one-character local part is left alone:
     * the masked form shows that character anyway, and masking every such letter would garble the reply. (Recipients
     * are dot-atoms, possibly with legacy dots: the input rules refuse quoted local parts.)
     */
    private static String bareLocalPart(String text, String local) {
        if (local.length() < 2) {
            return text;
        }
        // Not after an atom character or a dot; not before one, nor before a dot that goes on (a sentence's full stop may follow).
        Pattern bare = Pattern.compile("(?<!" + ATOM_CHARACTER + "|\\.)" + Pattern.quote(local)
                + "(?!" + ATOM_CHARACTER + "|\\." + ATOM_CHARACTER + ")", Pattern.CASE_INSENSITIVE);
        return bare.matcher(text).replaceAll(Matcher.quoteReplacement(local.charAt(0) + HIDDEN));
    }
}
