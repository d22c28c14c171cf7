package io.noticemailer.message;

import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.Date;
import java.util.TimeZone;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import io.noticemailer.render.RenderedNotice;

/**
 * A notice as MessageComposer built it before it wrote the wire bytes by hand: a MimeMessage filled through
 * Jakarta Mail, saved (which chooses the transfer encoding and adds MIME-Version and the Message-ID) and written
 * out. The oracle the hand-built bytes must equal, octet for octet.
 */
final class MimeMessageOracle {

    private static final int SUBJECT_OFFSET = "Subject: ".length();

    private final Session session;
    private final MessageSettings settings;

    MimeMessageOracle(Session session, MessageSettings settings) {
        this.session = session;
        this.settings = settings;
    }

    byte[] compose(String recipient, RenderedNotice notice, String messageId, Instant date) throws Exception {
        String name = settings.sender().displayName();
        NoticeText text = NoticeText.in(settings.charset(), notice, name)
                .or(() -> NoticeText.in(NoticeCharset.UTF_8, notice, name)).orElseThrow();
        MimeMessage draft = draft(recipient, text, messageId, date);
        if (settings.dkim() != null) {
            return settings.dkim().sign(draft);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        draft.writeTo(out);
        return out.toByteArray();
    }

    private MimeMessage draft(String recipient, NoticeText text, String messageId, Instant date) throws Exception {
        NoticeCharset charset = text.charset();
        String contentType = "text/plain; charset=" + charset.mimeName();
        MimeMessage message = new StableIdMessage(session, messageId);
        message.setHeader("From", HeaderText.from(settings.sender().address(), text.displayName(), charset));
        InternetAddress to = new InternetAddress();
        to.setAddress(recipient);
        message.setRecipient(Message.RecipientType.TO, to);
        message.setHeader("Subject", subject(text.subject(), charset));
        message.setHeader("Date", date(date));
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setDataHandler(new DataHandler(new ByteArrayDataSource(text.body(), contentType)));
        message.setHeader("Content-Type", contentType);
        if (charset == NoticeCharset.ISO_2022_JP) {
            message.setHeader("Content-Transfer-Encoding", "7bit");
        }
        message.saveChanges();
        return message;
    }

    /** Folded by Jakarta Mail, as before the words were folded by hand. */
    private static String subject(String prepared, NoticeCharset charset) {
        if (prepared.chars().allMatch(c -> c < 0x80)) {
            return MimeUtility.fold(SUBJECT_OFFSET, prepared);
        }
        return MimeUtility.fold(SUBJECT_OFFSET, String.join(" ", HeaderText.words(prepared, charset, SUBJECT_OFFSET)));
    }

    private String date(Instant date) {
        MailDateFormat format = new MailDateFormat();
        format.setTimeZone(TimeZone.getTimeZone(settings.zone()));
        return format.format(Date.from(date));
    }
}
