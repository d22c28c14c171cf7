package io.noticemailer.smtp;

import io.noticemailer.campaign.Sender;
import jakarta.mail.Session;
import java.util.Properties;

/** Jakarta Mail sessions for SMTP sending with finite timeouts (the library's default is to wait forever). */
public final class SmtpSessions {

    static final String DEFAULT_TIMEOUT_MILLIS = "30000";
    static final String CONNECTION_TIMEOUT = "mail.smtp.connectiontimeout";
    static final String READ_TIMEOUT = "mail.smtp.timeout";
    static final String WRITE_TIMEOUT = "mail.smtp.writetimeout";
    static final String QUIT_WAIT = "mail.smtp.quitwait";
    static final String ALLOW_UTF8 = "mail.mime.allowutf8";
    static final String AUTH = "mail.smtp.auth";
    static final String ALLOW_8BIT = "mail.smtp.allow8bitmime";
    static final String EHLO_NAME = "mail.smtp.localhost";

    private SmtpSessions() {
    }

    /** A session for a relay without authentication. */
    public static Session create(Properties extra) {
        return create(extra, null);
    }

    /**
     * @param extra    the {@code spring.mail.properties.*} passed through (STARTTLS, {@code mail.smtp.localhost}
     *                 for the EHLO name, {@code mail.smtp.from} for the envelope sender, timeouts…); may be null.
     *                 An explicit {@code mail.smtp.auth} there is kept as it is: with auth on and no username or
     *                 password Jakarta Mail refuses to connect at all, rather than send without authenticating
     * @param username turns {@code mail.smtp.auth} on when present and the settings do not say otherwise
     */
    public static Session create(Properties extra, String username) {
        Properties properties = new Properties();
        properties.setProperty(CONNECTION_TIMEOUT, DEFAULT_TIMEOUT_MILLIS);
        properties.setProperty(READ_TIMEOUT, DEFAULT_TIMEOUT_MILLIS);
        properties.setProperty(WRITE_TIMEOUT, DEFAULT_TIMEOUT_MILLIS);
        properties.setProperty(QUIT_WAIT, "false");
        if (extra != null) {
            properties.putAll(extra);
        }
        // Raw UTF-8 in From/Subject would reach receivers that cannot read it: headers stay RFC 2047 encoded.
        properties.setProperty(ALLOW_UTF8, "false");
        // Messages are sealed (and may be DKIM-signed): re-encoding a body to 8bit on the way out would break both.
        properties.setProperty(ALLOW_8BIT, "false");
        if (extra == null || extra.getProperty(AUTH) == null) {
            properties.setProperty(AUTH, String.valueOf(username != null && !username.isBlank()));
        }
        return Session.getInstance(properties);
    }

    /**
     * The session for sending a campaign's mail: the job file's {@code sender.ehlo} is the name given in EHLO,
     * ahead of {@code mail.smtp.localhost} from the settings (Jakarta Mail's default is the machine's own name,
     * often {@code localhost}, which some receivers penalise). The envelope sender travels with each message.
     */
    public static Session forSender(Session base, Sender sender) {
        if (sender.ehlo() == null) {
            return base;
        }
        Properties properties = new Properties();
        properties.putAll(base.getProperties());
        properties.setProperty(EHLO_NAME, sender.ehlo());
        return Session.getInstance(properties);
    }
}
