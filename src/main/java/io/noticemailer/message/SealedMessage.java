package io.noticemailer.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetHeaders;

import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message of finished wire bytes, which it writes out unchanged every time: saving it again would re-encode
 * the body, replace the Message-ID and break a DKIM signature. It extends SMTPMessage only to carry the envelope
 * sender (MAIL FROM) chosen by the job, which then wins over {@code mail.smtp.from}.
 */
final class SealedMessage extends SMTPMessage {

    private final byte[] wire;
    /** Known when built rather than parsed: the transport asks for it for every message, and decoding it costs. */
    private final String subject;

    /** Parsed from the bytes: for bytes written by someone else, such as the DKIM signer. */
    SealedMessage(Session session, byte[] wire, String envelopeFrom) throws MessagingException {
        super(session, new ByteArrayInputStream(wire));
        this.wire = wire;
        this.subject = null;
        setEnvelopeFrom(envelopeFrom);
    }

    /**
     * Assembled from the parts it was built from, into the state parsing its bytes would leave (the header fields
     * in wire order, the encoded body as raw content, nothing modified), without the cost of parsing: every reader
     * of headers or content, and the transport's fallback to the From address for MAIL FROM, sees the same.
     */
    SealedMessage(Session session, WireMessage built, String envelopeFrom) {
        super(session);
        this.wire = built.bytes();
        this.subject = noSpaceAtEitherEnd(built.subject()) ? built.subject() : null;
        this.headers = new BuiltHeaders(built);
        this.content = built.body();
        this.modified = false;
        this.saved = true;
        setEnvelopeFrom(envelopeFrom);
    }

    /**
     * The text the Subject field was encoded from, which decoding it gives back (MimeMessageEquivalenceTest), except
     * for white space at either end, which parsing drops: such a subject (never a rendered one) is decoded.
     */
    @Override
    public String getSubject() throws MessagingException {
        return subject != null ? subject : super.getSubject();
    }

    /**
     * The sealed bytes themselves (already CRLF, already encoded), rather than the parsed headers and body
     * written out again line by line: the same bytes, at a fraction of the cost on the send path. The transport
     * asks to leave out Bcc and Content-Length, which a composed notice never has; should one be there, the
     * headers are written the slow way without it.
     */
    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        if (ignoreList != null) {
            for (String name : ignoreList) {
                if (getHeader(name) != null) {
                    super.writeTo(out, ignoreList);
                    return;
                }
            }
        }
        out.write(wire);
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

    /** Only the built fields, in their order: no empty placeholders, as after parsing. */
    private static boolean noSpaceAtEitherEnd(String text) {
        return text != null && !text.isEmpty() && !Character.isWhitespace(text.charAt(0))
                && !Character.isWhitespace(text.charAt(text.length() - 1));
    }

    private static final class BuiltHeaders extends InternetHeaders {

        BuiltHeaders(WireMessage built) {
            headers.clear();
            for (HeaderField field : built.headers()) {
                headers.add(new InternetHeader(field.name(), field.value()));
            }
        }
    }
}
