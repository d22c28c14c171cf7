package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmtpMailTransportTest {

    private final Session session = TestMessages.fastSession();
    private ScriptedSmtpServer server;
    private SmtpMailTransport transport;

    @BeforeEach
    void start() throws Exception {
        server = ScriptedSmtpServer.start();
        transport = new SmtpMailTransport(session, server.host(), server.port(), null, null);
    }

    @AfterEach
    void stop() throws Exception {
        transport.close();
        server.close();
    }

    private SendResult send(String recipient, String customerId) {
        return transport.send(TestMessages.notice(session, recipient, customerId), recipient);
    }

    @Test
    void manyMessagesTravelOverOneConnection() {
        for (int i = 1; i <= 5; i++) {
            assertThat(send("user" + i + "@example.jp", "C" + i).outcome()).isEqualTo(Outcome.ACCEPTED);
        }

        assertThat(server.connections()).isEqualTo(1);
        assertThat(server.messages()).hasSize(5);
        assertThat(server.commands()).filteredOn(c -> c.startsWith("EHLO")).hasSize(1);
    }

    @Test
    void acceptedMessageCarriesTheServersReply() {
        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.reply()).isEqualTo(new SmtpReply(250, "2.0.0", "queued as 1"));
        assertThat(result.detail()).isEqualTo("250 2.0.0 queued as 1");
    }

    @Test
    void wireBytesAreWhatTheMessageWritesPlusTheLineEndSmtpRequires() throws Exception {
        MimeMessage message = TestMessages.notice(session, "taro@example.jp", "C1");
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        message.writeTo(written);
        String expected = written.toString(StandardCharsets.ISO_8859_1);

        transport.send(message, "taro@example.jp");

        String received = new String(server.messages().get(0), StandardCharsets.ISO_8859_1);
        assertThat(received).isEqualTo(expected.endsWith("\r\n") ? expected : expected + "\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro..yamada@docomo.ne.jp", "hanako.@ezweb.ne.jp", ".abc@ezweb.ne.jp"})
    void legacyCarrierAddressReachesTheServerExactlyAsWritten(String legacy) throws Exception {
        assertThat(send(legacy, "C1").outcome()).isEqualTo(Outcome.ACCEPTED);

        assertThat(server.commands()).contains("RCPT TO:<" + legacy + ">");
        MimeMessage received = parse(server.messages().get(0));
        assertThat(received.getHeader("To")).containsExactly(legacy);
    }

    @Test
    void onlyTheGivenRecipientIsUsedForTheEnvelope() {
        transport.send(TestMessages.notice(session, "header@example.jp", "C1"), "envelope@example.jp");

        assertThat(server.commands()).filteredOn(c -> c.startsWith("RCPT")).containsExactly("RCPT TO:<envelope@example.jp>");
    }

    @Test
    void receivedMessageDecodesToTheRenderedNotice() throws Exception {
        send("taro@example.jp", "C1");

        MimeMessage received = parse(server.messages().get(0));
        assertThat(received.getSubject()).isEqualTo(TestMessages.SUBJECT);
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(received.getHeader("Subject")[0]))).isEqualTo(TestMessages.SUBJECT);
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo(TestMessages.SENDER.displayName());
        assertThat(received.getContent()).isEqualTo(TestMessages.DECODED_BODY);
        assertThat(received.getHeader("Date")[0]).contains("+0900");
        assertThat(received.getMessageID()).isEqualTo(TestMessages.messageId("C1"));
        assertThat(received.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(received.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
    }

    @Test
    void closeEndsTheConnectionAndTheNextSendOpensANewOne() {
        send("a@example.jp", "C1");
        transport.close();

        assertThat(send("b@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void closeWithoutAnySendIsQuiet() {
        transport.close();

        assertThat(server.connections()).isZero();
    }

    static MimeMessage parse(byte[] raw) throws Exception {
        return new MimeMessage(TestMessages.plainSession(), new ByteArrayInputStream(raw));
    }
}
