package io.noticemailer.message;

import java.io.ByteArrayInputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;

import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message parsed from its finished wire bytes, which it writes out unchanged every time: saving it again
 * would re-encode the body, replace the Message-ID and break a DKIM signature. It extends SMTPMessage only to
 * carry the envelope sender (MAIL FROM) chosen by the job, which then wins over {@code mail.smtp.from}.
 */
final class SealedMessage extends SMTPMessage {

    SealedMessage(Session session, byte[] wire, String envelopeFrom) throws MessagingException {
        super(session, new ByteArrayInputStream(wire));
        if (envelopeFrom != null) {
            setEnvelopeFrom(envelopeFrom);
        }
    }

    /** Nothing may change once sealed: the headers and body are written exactly as they were composed. */
    @Override
    public void saveChanges() {
        // deliberately nothing
    }

    @Override
    protected void updateMessageID() {
        // the stable Message-ID is already in the sealed headers
    }
}
