package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.send.SendResult.Outcome;
import jakarta.mail.Session;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SmtpSessionsTest {

    @Test
    void timeoutsDefaultToThirtySeconds() {
        Properties properties = SmtpSessions.create(null).getProperties();

        assertThat(properties.getProperty("mail.smtp.connectiontimeout")).isEqualTo("30000");
        assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("30000");
        assertThat(properties.getProperty("mail.smtp.writetimeout")).isEqualTo("30000");
    }

    @Test
    void extraPropertiesOverrideTheTimeouts() {
        Properties extra = new Properties();
        extra.setProperty("mail.smtp.timeout", "5000");
        extra.setProperty("mail.smtp.starttls.enable", "true");

        Properties properties = SmtpSessions.create(extra).getProperties();

        assertThat(properties.getProperty("mail.smtp.timeout")).isEqualTo("5000");
        assertThat(properties.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    }

    @Test
    void rawUtf8HeadersStayOffWhateverTheExtras() {
        Properties extra = new Properties();
        extra.setProperty("mail.mime.allowutf8", "true");

        assertThat(SmtpSessions.create(extra).getProperties().getProperty("mail.mime.allowutf8")).isEqualTo("false");
    }

    @Test
    void authenticationFollowsTheUsernameUnlessTheSettingsSayOtherwise() {
        Properties required = new Properties();
        required.setProperty("mail.smtp.auth", "true");
        Properties off = new Properties();
        off.setProperty("mail.smtp.auth", "false");

        assertThat(SmtpSessions.create(required).getProperties().getProperty("mail.smtp.auth"))
                .as("kept: without credentials Jakarta Mail then refuses to connect rather than send unauthenticated")
                .isEqualTo("true");
        assertThat(SmtpSessions.create(off, "mailer").getProperties().getProperty("mail.smtp.auth")).isEqualTo("false");
        assertThat(SmtpSessions.create(null, " ").getProperties().getProperty("mail.smtp.auth")).isEqualTo("false");
        assertThat(SmtpSessions.create(null, "mailer").getProperties().getProperty("mail.smtp.auth")).isEqualTo("true");
    }

    @Test
    void ehloNameAndEnvelopeSenderComeFromTheExtras() throws Exception {
        Properties extra = new Properties();
        extra.setProperty("mail.smtp.localhost", "mailer.dlmarket.example");
        extra.setProperty("mail.smtp.from", "bounce@dlmarket.example");
        Session session = TestMessages.fastSession(extra);
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             SmtpMailTransport transport = new SmtpMailTransport(session, server.host(), server.port(), null, null)) {

            Outcome outcome = transport.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp").outcome();

            assertThat(outcome).isEqualTo(Outcome.ACCEPTED);
            assertThat(server.commands()).contains("EHLO mailer.dlmarket.example").anyMatch(c -> c.startsWith("MAIL FROM:<bounce@dlmarket.example>"));
        }
    }

    @Test
    void envelopeSenderDefaultsToTheFromAddress() throws Exception {
        Session session = TestMessages.fastSession();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             SmtpMailTransport transport = new SmtpMailTransport(session, server.host(), server.port(), null, null)) {

            transport.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");

            assertThat(server.commands()).anyMatch(c -> c.startsWith("MAIL FROM:<support@dlmarket.example>"));
        }
    }
}
