package io.noticemailer.send;

import jakarta.mail.internet.MimeMessage;

import io.noticemailer.ledger.Delivery;

/**
 * A delivery with its wire-ready message and the charset that message is in (recorded with the outcome), or
 * with the reason it could not be rendered (then it fails, and the charset is null).
 */
public record PreparedNotice(Delivery delivery, MimeMessage message, String messageId, String renderFailure,
                             String charset) {

    public PreparedNotice(Delivery delivery, MimeMessage message, String messageId, String renderFailure) {
        this(delivery, message, messageId, renderFailure, null);
    }

    public static PreparedNotice failed(Delivery delivery, String messageId, String reason) {
        return new PreparedNotice(delivery, null, messageId, reason, null);
    }

    @Override
    public String toString() {
        return "PreparedNotice[" + delivery + "]";
    }
}
