package io.noticemailer.smtp;

import io.noticemailer.send.MailTransport;
import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends over one SMTP connection kept open across messages (opening one per message would be slow and
 * looks like abuse to receivers). The connection opens on the first send and again on the next send after
 * it was lost. Not thread-safe: one instance per worker.
 */
public final class SmtpMailTransport implements MailTransport {

    private static final String PROTOCOL = "smtp";

    private final Session session;
    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private BodyTrackingTransport connection;
    /** Whether the last message that failed did so before its MAIL FROM was accepted. */
    private boolean refusedBeforeMailFrom;

    /** @param username null (and password null) for a relay without authentication */
    public SmtpMailTransport(Session session, String host, int port, String username, String password) {
        this.session = session;
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /**
     * A reused connection that turns out to be dead before the body went out (servers drop idle clients) is
     * replaced once, at once: the server cannot have the message, so this never sends twice.
     */
    @Override
    public SendResult send(MimeMessage message, String recipient) {
        boolean reusing = connection != null && connection.isOpen();
        refusedBeforeMailFrom = false;
        SendResult result = attempt(message, recipient);
        if (reusing && droppedBeforeTheMessage(result)) {
            result = attempt(message, recipient);
        }
        return AddressMasking.hide(result, recipient);
    }

    /**
     * Lost without a reply, or closed with a 421 before this message's MAIL FROM was accepted: what a relay does
     * to a client that sat idle too long. Such a 421 is about the connection, not our rate: it must not reach
     * the throttle's slow-down, which a 421 to a new connection (or later in a message) still does.
     */
    private boolean droppedBeforeTheMessage(SendResult result) {
        if (result.outcome() != Outcome.CONNECTION_FAILED) {
            return false;
        }
        return result.reply() == null
                || result.reply().code() == FailureClassifier.SERVICE_NOT_AVAILABLE && refusedBeforeMailFrom;
    }

    private SendResult attempt(MimeMessage message, String recipient) {
        if (connection == null || !connection.isOpen()) {
            closeQuietly();
            BodyTrackingTransport opened = new BodyTrackingTransport(session,
                    new URLName(PROTOCOL, host, port, null, username, password));
            try {
                opened.connect(host, port, username, password);
            } catch (MessagingException e) {
                String lastResponse = opened.getLastServerResponse();
                quietlyClose(opened);
                return FailureClassifier.connectFailure(e, lastResponse, host + ":" + port);
            }
            connection = opened;
        }
        return deliver(connection, message, recipient);
    }

    private SendResult deliver(BodyTrackingTransport transport, MimeMessage message, String recipient) {
        transport.startMessage();
        try {
            transport.sendMessage(message, new Address[] {envelopeRecipient(recipient)});
            return SendResult.of(Outcome.ACCEPTED, SmtpReplies.parse(transport.getLastServerResponse()));
        } catch (MessagingException e) {
            refusedBeforeMailFrom = !transport.mailFromAccepted();
            SendResult result = FailureClassifier.classify(e, transport.endOfDataStarted());
            boolean lost = result.outcome() == Outcome.CONNECTION_FAILED || result.outcome() == Outcome.UNCERTAIN;
            if (lost || !transport.isOpen()) {
                closeQuietly();
            }
            return result;
        }
    }

    /** Set, not parsed: the carrier's exact mailbox goes into RCPT TO, even where it breaks RFC 5322. */
    private static InternetAddress envelopeRecipient(String recipient) {
        InternetAddress address = new InternetAddress();
        address.setAddress(recipient);
        return address;
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection != null) {
            quietlyClose(connection);
            connection = null;
        }
    }

    /** Closing a broken connection can fail too; there is nothing left to do about it. */
    private static void quietlyClose(BodyTrackingTransport transport) {
        try {
            transport.close();
        } catch (MessagingException ignored) {
            // the connection is gone either way
        }
    }
}
