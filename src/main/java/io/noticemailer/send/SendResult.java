package io.noticemailer.send;

/** What the server (or the outbox) answered for one message. {@code reply} may be null when none came. */
public record SendResult(Outcome outcome, SmtpReply reply, String detail) {

    public enum Outcome {
        /** 2xx after the final ".": the server took responsibility. */
        ACCEPTED,
        /** 5xx at MAIL, RCPT or after DATA: retrying cannot help. */
        REJECTED_PERMANENT,
        /** 4xx at MAIL, RCPT or DATA (not 421): try again later. */
        REJECTED_TRANSIENT,
        /** 421, refused, reset or timed out before the end of the message was sent: not delivered, try again. */
        CONNECTION_FAILED,
        /** Lost after the end of the message (the final ".") was sent, before the reply: it may or may not have been delivered. */
        UNCERTAIN
    }

    public static SendResult of(Outcome outcome, SmtpReply reply) {
        return new SendResult(outcome, reply, reply == null ? null : reply.toString());
    }
}
