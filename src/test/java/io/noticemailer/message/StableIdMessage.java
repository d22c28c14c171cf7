package io.noticemailer.message;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A message whose Message-ID survives {@code saveChanges()}: the stock implementation replaces it with a
 * random one on every save, which would break the ledger's link between a delivery and what was sent. What
 * notices were built on before their wire bytes were built by hand; kept for MimeMessageOracle.
 */
final class StableIdMessage extends MimeMessage {

    private static final String MESSAGE_ID = "Message-ID";

    private final String messageId;

    StableIdMessage(Session session, String messageId) {
        super(session);
        this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
        setHeader(MESSAGE_ID, messageId);
    }
}
