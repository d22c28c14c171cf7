package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.noticemailer.campaign.Sender;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageSettings;
import io.noticemailer.message.NoticeCharset;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.send.SendResult.Outcome;

/** The EHLO name, the envelope sender and the recipient, as the server reads them on the wire. */
class SenderIdentityOnTheWireTest {

    private static final Sender FROM_JOB_FILE = new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example",
            "bounce@dlmarket.example", "mail.dlmarket.example");

    private ScriptedSmtpServer server;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private void send(Session session, Sender sender, String recipient) {
        MimeMessage message = new MessageComposer(session, new MessageSettings(sender, ZoneId.of("Asia/Tokyo"),
                NoticeCharset.ISO_2022_JP, null)).compose(recipient,
                new RenderedNotice("ご案内 DL-7K3M-Q9XA", "本文\n"), TestMessages.messageId("C1"), TestMessages.SENT_AT);
        try (SmtpMailTransport transport = new SmtpMailTransport(SmtpSessions.forSender(session, sender),
                server.host(), server.port(), null, null)) {
            assertThat(transport.send(message, recipient).outcome()).isEqualTo(Outcome.ACCEPTED);
        }
    }

    @Test
    void givenTheJobFilesEhloAndEnvelopeSenderThenTheServerSeesThem() {
        send(TestMessages.fastSession(), FROM_JOB_FILE, "taro@example.jp");

        assertThat(server.commands()).contains("EHLO mail.dlmarket.example", "MAIL FROM:<bounce@dlmarket.example>");
    }

    @Test
    void givenOnlySpringMailPropertiesThenTheyNameEhloAndEnvelopeSender() {
        Properties spring = new Properties();
        spring.setProperty("mail.smtp.localhost", "relay-client.dlmarket.example");
        spring.setProperty("mail.smtp.from", "bounces@dlmarket.example");

        send(TestMessages.fastSession(spring), TestMessages.SENDER, "taro@example.jp");

        assertThat(server.commands()).contains("EHLO relay-client.dlmarket.example", "MAIL FROM:<bounces@dlmarket.example>");
    }

    @Test
    void givenBothThenTheJobFileWins() {
        Properties spring = new Properties();
        spring.setProperty("mail.smtp.localhost", "relay-client.dlmarket.example");
        spring.setProperty("mail.smtp.from", "bounces@dlmarket.example");

        send(TestMessages.fastSession(spring), FROM_JOB_FILE, "taro@example.jp");

        assertThat(server.commands()).contains("EHLO mail.dlmarket.example", "MAIL FROM:<bounce@dlmarket.example>")
                .doesNotContain("EHLO relay-client.dlmarket.example");
    }

    @Test
    void givenNeitherThenTheEnvelopeSenderIsTheFromAddress() {
        send(TestMessages.fastSession(), TestMessages.SENDER, "taro@example.jp");

        assertThat(server.commands()).contains("MAIL FROM:<support@dlmarket.example>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro..yamada@docomo.ne.jp", "hanako.@ezweb.ne.jp", ".abc@ezweb.ne.jp", "Taro.Yamada@DOCOMO.NE.JP"})
    void legacyCarrierAddressIsTheExactRcptToAndTheExactToHeaderInAnIso2022JpMessage(String address) throws Exception {
        send(TestMessages.fastSession(), FROM_JOB_FILE, address);

        assertThat(server.commands()).filteredOn(c -> c.startsWith("RCPT")).containsExactly("RCPT TO:<" + address + ">");
        String received = new String(server.messages().get(0), StandardCharsets.US_ASCII);
        assertThat(received).contains("\r\nTo: " + address + "\r\n").contains("charset=ISO-2022-JP");
    }
}
