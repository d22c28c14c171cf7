package io.noticemailer.message;

import io.noticemailer.campaign.Sender;
import io.noticemailer.render.RenderedNotice;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.TimeZone;

/**
 * Builds the wire-ready message for one notice: single-part {@code text/plain; charset=UTF-8}, headers
 * RFC 2047 B-encoded, Date in the campaign's zone, a caller-chosen stable Message-ID.
 */
public final class MessageComposer {

    private static final String CHARSET = "UTF-8";
    private static final String B_ENCODING = "B";
    /** Width of "Subject: ", so the first folded line stays within the line limit. */
    private static final int SUBJECT_FOLD_OFFSET = "Subject: ".length();
    private static final String AUTO_SUBMITTED = "Auto-Submitted";
    private static final String AUTO_GENERATED = "auto-generated";

    private final Session session;
    private final InternetAddress from;
    private final TimeZone zone;

    public MessageComposer(Session session, Sender sender, ZoneId zone) {
        this.session = session;
        this.from = fromAddress(sender);
        this.zone = TimeZone.getTimeZone(zone);
    }

    /**
     * @param recipient the validated mailbox, used exactly as written (legacy carrier addresses such as
     *                  {@code taro..yamada@docomo.ne.jp} break RFC 5322 but are real)
     * @throws MessageException naming the Message-ID and the failing part, never the recipient
     */
    public MimeMessage compose(String recipient, RenderedNotice notice, String messageId, Instant date) {
        checkMessageId(messageId);
        RecipientCheck.requireSingleMailbox(recipient, messageId);
        String subject = encodedSubject(notice.subject(), messageId);
        try {
            MimeMessage message = new StableIdMessage(session, messageId);
            message.setFrom(from);
            message.setRecipient(Message.RecipientType.TO, unparsed(recipient));
            message.setHeader("Subject", subject);
            message.setHeader("Date", formatDate(date));
            message.setHeader(AUTO_SUBMITTED, AUTO_GENERATED);
            message.setText(notice.body(), CHARSET);
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new MessageException("message " + messageId + ": cannot build the MIME message ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Built without parsing, so nothing is "corrected" and no string can expand into a list. */
    private static InternetAddress unparsed(String recipient) {
        InternetAddress address = new InternetAddress();
        address.setAddress(recipient);
        return address;
    }

    private static String encodedSubject(String subject, String messageId) {
        if (subject == null || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new MessageException("message " + messageId + ": the subject must be a single line");
        }
        try {
            return MimeUtility.fold(SUBJECT_FOLD_OFFSET, MimeUtility.encodeText(subject, CHARSET, B_ENCODING));
        } catch (UnsupportedEncodingException e) {
            throw new MessageException("message " + messageId + ": cannot encode the subject in " + CHARSET, e);
        }
    }

    /** Formatted here rather than by setSentDate, whose formatter is fixed to the JVM zone at class load. */
    private String formatDate(Instant date) {
        MailDateFormat format = new MailDateFormat();
        format.setTimeZone(zone);
        return format.format(Date.from(date));
    }

    private static void checkMessageId(String messageId) {
        if (messageId == null || !messageId.matches("<[\\x21-\\x7e&&[^<>]]+@[\\x21-\\x7e&&[^<>]]+>")) {
            throw new MessageException("Message-ID '" + messageId + "' is not of the form <id@domain>");
        }
    }

    private static InternetAddress fromAddress(Sender sender) {
        InternetAddress address = new InternetAddress();
        address.setAddress(sender.address());
        String name = sender.displayName();
        if (name == null || name.isBlank()) {
            return address;
        }
        try {
            return new InternetAddress(sender.address(), name, CHARSET);
        } catch (UnsupportedEncodingException e) {
            throw new MessageException("sender " + sender.address() + ": cannot encode the display name in " + CHARSET, e);
        }
    }
}
