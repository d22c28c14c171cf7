package io.noticemailer.send;

import jakarta.mail.internet.MimeMessage;

import io.noticemailer.ledger.Delivery;

/** A delivery with its wire-ready message, or with the reason it could not be rendered (then it fails). */
public record PreparedNotice(Delivery delivery, MimeMessage message, String messageId, String renderFailure) {

    public static PreparedNotice failed(Delivery delivery, String messageId, String reason) {
        return new PreparedNotice(delivery, null, messageId, reason);
    }

    @Override
    public String toString() {
        return "PreparedNotice[" + delivery + "]";
    }
}
