package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SealedMessageTest {

    /** What SMTPTransport asks writeTo to leave out. */
    private static final String[] TRANSPORT_IGNORES = {"Bcc", "Content-Length"};

    private final Session session = Session.getInstance(new Properties());

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    @Test
    void givenAComposedNotice_whenTheTransportWritesIt_thenTheBytesAreThoseJakartaMailWritesForTheParsedMessage() throws Exception {
        MimeMessage composed = new MessageComposer(session, MessageComposerTest.SENDER, java.time.ZoneId.of("Asia/Tokyo"))
                .compose("taro..yamada@docomo.ne.jp", MessageComposerTest.NOTICE, MessageComposerTest.MESSAGE_ID,
                        MessageComposerTest.NOON_UTC);
        byte[] sealed = written(composed, TRANSPORT_IGNORES);

        MimeMessage reparsed = new MimeMessage(session, new ByteArrayInputStream(sealed));
        assertThat(written(reparsed, TRANSPORT_IGNORES)).isEqualTo(sealed);
        assertThat(written(composed, null)).isEqualTo(sealed);
        assertThat(new String(sealed, StandardCharsets.US_ASCII)).contains("\r\n\r\n").doesNotContain("\n\n");
    }

    @Test
    void givenSealedBytesWithABccHeader_whenTheTransportWritesThem_thenTheBccIsLeftOutAsJakartaMailWould() throws Exception {
        byte[] wire = ("From: a@example.jp\r\nBcc: hidden@example.jp\r\nTo: b@example.jp\r\nSubject: x\r\n"
                + "Message-ID: <x@example.jp>\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII);

        String written = new String(written(new SealedMessage(session, wire, null), TRANSPORT_IGNORES), StandardCharsets.US_ASCII);

        assertThat(written).doesNotContain("Bcc").contains("To: b@example.jp\r\n").endsWith("\r\n\r\nbody\r\n");
    }

    private static byte[] written(MimeMessage message, String[] ignore) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out, ignore);
        return out.toByteArray();
    }
}
