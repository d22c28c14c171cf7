package io.noticemailer.send;

import jakarta.mail.internet.MimeMessage;

/**
 * Where a composed notice goes: an SMTP relay, or an outbox folder. One instance per worker; it keeps
 * its connection open across messages and is not shared between threads.
 */
public interface MailTransport extends AutoCloseable {

    /**
     * Hands one message to the server for exactly this recipient (the envelope RCPT TO), never for the
     * addresses in the headers. Never throws for a per-message outcome: the result says what happened.
     */
    SendResult send(MimeMessage message, String recipient);

    @Override
    void close();
}
