package io.noticemailer.message;

/** A notice could not be turned into a MIME message. The message names the delivery, never the recipient. */
public class MessageException extends RuntimeException {

    public MessageException(String message) {
        super(message);
    }

    public MessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
