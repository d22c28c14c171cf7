package io.noticemailer.smtp;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Remembers whether the end of the current message (the final "." after DATA, or the last BDAT chunk) has
 * started to go out, which decides what a lost connection means. Before it the server cannot have taken
 * the message (only the end of data tells it to process the transaction, RFC 5321 §4.1.1.4, and Jakarta Mail
 * drops the connection on a write error); from it on, the server may have taken it or not. The last
 * reply code alone cannot tell: after a lost final reply it no longer says 354.
 */
final class BodyTrackingTransport extends SMTPTransport {

    private boolean endOfDataStarted;
    private boolean mailFromAccepted;

    BodyTrackingTransport(Session session, URLName url) {
        super(session, url);
    }

    /** Called before each message. */
    void startMessage() {
        endOfDataStarted = false;
        mailFromAccepted = false;
    }

    /** Whether the server accepted this message's MAIL FROM: a refusal before it was about the connection, not the message. */
    boolean mailFromAccepted() {
        return mailFromAccepted;
    }

    /**
     * True once the end of the message may have reached the server. Body bytes still buffered when it
     * starts go out with it, so a failure to write them counts as in doubt too: never the other way round.
     */
    boolean endOfDataStarted() {
        return endOfDataStarted;
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
    protected void mailFrom() throws MessagingException {
        super.mailFrom();
        mailFromAccepted = true;
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        endOfDataStarted = true;
        super.finishData();
    }

    @Override
    protected void finishBdat() throws IOException, MessagingException {
        endOfDataStarted = true;
        super.finishBdat();
    }
}
