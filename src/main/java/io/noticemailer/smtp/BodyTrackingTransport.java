package io.noticemailer.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.OutputStream;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Remembers whether the current message's body has started to go out, which decides whether a lost
 * connection means "not delivered" or "in doubt". The last reply code alone cannot tell: after a lost
 * final reply it no longer says 354.
 */
final class BodyTrackingTransport extends SMTPTransport {

    private boolean bodyStarted;

    BodyTrackingTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Called before each message. */
    void startMessage() {
        bodyStarted = false;
    }

    boolean bodyStarted() {
        return bodyStarted;
    }

    /** Whether the connection is still open, without the NOOP round trip that {@code isConnected()} makes. */
    boolean isOpen() {
        try {
            checkConnected();
            return true;
        } catch (IllegalStateException notConnected) {
            return false;
        }
    }

    @Override
    protected OutputStream data() throws MessagingException {
        OutputStream out = super.data();
        bodyStarted = true;
        return out;
    }

    /** With CHUNKING the body goes out with the BDAT commands themselves, so it counts as started at once. */
    @Override
    protected OutputStream bdat() throws MessagingException {
        bodyStarted = true;
        return super.bdat();
    }
}
