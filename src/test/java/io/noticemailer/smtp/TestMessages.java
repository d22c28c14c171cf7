package io.noticemailer.smtp;

import io.noticemailer.campaign.Sender;
import io.noticemailer.message.MailSystemProperties;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.RenderedNotice;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;

/** Notices as the job builds them, for transport tests. */
final class TestMessages {

    static final Sender SENDER = new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example");
    static final Instant SENT_AT = Instant.parse("2019-01-15T03:00:00Z");
    static final String SUBJECT = "【重要】お客様情報流出に関するお詫びとお知らせ 𠮷 DL-7K3M-Q9XA";
    static final String BODY = "髙橋 𠮷男 様\n\n管理番号: DL-7K3M-Q9XA\n受付時間 9:30～18:30\n";
    /** The body as a reader decodes it: MIME text in its canonical form, with CRLF line breaks. */
    static final String DECODED_BODY = BODY.replace("\n", "\r\n");

    static {
        MailSystemProperties.apply();
    }

    private TestMessages() {
    }

    /** A session with 1 s timeouts so fault tests end quickly. */
    static Session fastSession() {
        return fastSession(new Properties());
    }

    static Session fastSession(Properties extra) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.connectiontimeout", "1000");
        properties.setProperty("mail.smtp.timeout", "1000");
        properties.setProperty("mail.smtp.writetimeout", "1000");
        properties.putAll(extra);
        return SmtpSessions.create(properties);
    }

    static MimeMessage notice(Session session, String recipient, String customerId) {
        return new MessageComposer(session, SENDER, ZoneId.of("Asia/Tokyo")).compose(recipient,
                new RenderedNotice(SUBJECT, BODY), messageId(customerId), SENT_AT);
    }

    static String messageId(String customerId) {
        return MessageIds.forDelivery("dlmarket-2018-12", customerId, SENDER.domain());
    }

    static Session plainSession() {
        return Session.getInstance(new Properties());
    }
}
