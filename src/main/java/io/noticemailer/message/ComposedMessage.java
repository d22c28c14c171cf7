package io.noticemailer.message;

import jakarta.mail.internet.MimeMessage;

/**
 * A finished notice and the charset it went into: the job's, or UTF-8 when the job's could not carry it.
 * The message is sealed: its bytes are final (and signed, when the job signs), whatever is done with it later.
 */
public record ComposedMessage(MimeMessage message, NoticeCharset charset) {
}
