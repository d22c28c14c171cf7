package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.noticemailer.campaign.Sender;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageSettings;
import io.noticemailer.message.NoticeCharset;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.send.SendResult.Outcome;

/**
 * The composed notice is never parsed from its bytes, yet the SMTP transport holds the same conversation with
 * it as with a message parsed from them (what was sent before): the same MAIL FROM, whether it comes from the
 * job's envelope sender, {@code mail.smtp.from} or the From header, the same RCPT TO and the same DATA.
 */
class UnparsedMessageOnTheWireTest {

    private static final String RECIPIENT = "taro..yamada@docomo.ne.jp";
    private static final RenderedNotice NOTICE = new RenderedNotice(TestMessages.SUBJECT, TestMessages.BODY);
    private static final Sender WITH_ENVELOPE = new Sender(TestMessages.SENDER.displayName(),
            TestMessages.SENDER.address(), "bounce@dlmarket.example", null);

    enum EnvelopeSource { JOB_FILE, SESSION_PROPERTY, FROM_HEADER }

    @ParameterizedTest
    @EnumSource(EnvelopeSource.class)
    void givenAComposedNotice_whenSent_thenTheConversationIsThatOfTheParsedMessage(EnvelopeSource source) throws Exception {
        for (NoticeCharset charset : NoticeCharset.values()) {
            Properties properties = new Properties();
            if (source == EnvelopeSource.SESSION_PROPERTY) {
                properties.setProperty("mail.smtp.from", "bounces@dlmarket.example");
            }
            Session session = TestMessages.fastSession(properties);
            Sender sender = source == EnvelopeSource.JOB_FILE ? WITH_ENVELOPE : TestMessages.SENDER;
            MimeMessage composed = new MessageComposer(session, new MessageSettings(sender, ZoneId.of("Asia/Tokyo"),
                    charset, null)).composeNotice(RECIPIENT, NOTICE, TestMessages.messageId("C1"), TestMessages.SENT_AT)
                    .message();
            SMTPMessage parsed = new SMTPMessage(session, new ByteArrayInputStream(bytes(composed)));
            parsed.setEnvelopeFrom(sender.envelopeFrom());

            Conversation unparsed = conversation(session, composed);
            Conversation reparsed = conversation(session, parsed);

            assertThat(unparsed.commands()).isEqualTo(reparsed.commands())
                    .contains("MAIL FROM:<" + expectedEnvelope(source) + ">", "RCPT TO:<" + RECIPIENT + ">");
            // SMTP ends the DATA with a line break of its own when the message has none (base64's last line)
            assertThat(unparsed.data()).isEqualTo(reparsed.data()).startsWith(bytes(composed));
        }
    }

    private static String expectedEnvelope(EnvelopeSource source) {
        return switch (source) {
            case JOB_FILE -> "bounce@dlmarket.example";
            case SESSION_PROPERTY -> "bounces@dlmarket.example";
            case FROM_HEADER -> TestMessages.SENDER.address();
        };
    }

    private record Conversation(List<String> commands, byte[] data) {
    }

    private static Conversation conversation(Session session, MimeMessage message) throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             SmtpMailTransport transport = new SmtpMailTransport(session, server.host(), server.port(), null, null)) {
            assertThat(transport.send(message, RECIPIENT).outcome()).isEqualTo(Outcome.ACCEPTED);
            // read before QUIT, which the client does not wait for
            return new Conversation(server.commands(), server.messages().get(0));
        }
    }

    private static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
