package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The happy path against an independent SMTP server implementation. */
class GreenMailDeliveryTest {

    private static final String USER = "mailer";
    private static final String PASSWORD = "s3cret";

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, PASSWORD));

    private final Session session = TestMessages.fastSession();

    private SmtpMailTransport transport(Session sessionToUse, String user, String password) {
        return new SmtpMailTransport(sessionToUse, "127.0.0.1", GREEN_MAIL.getSmtp().getPort(), user, password);
    }

    @Test
    void everyMessageArrivesAndDecodesToTheRenderedNotice() throws Exception {
        List<SendResult> results = new ArrayList<>();
        try (SmtpMailTransport transport = transport(session, null, null)) {
            for (int i = 1; i <= 10; i++) {
                String recipient = "user" + i + "@example.jp";
                results.add(transport.send(TestMessages.notice(session, recipient, "C" + i), recipient));
            }
        }

        assertThat(results).extracting(SendResult::outcome).containsOnly(Outcome.ACCEPTED);
        assertThat(results).allSatisfy(result -> assertThat(result.reply().code()).isEqualTo(250));
        MimeMessage[] received = GREEN_MAIL.getReceivedMessages();
        assertThat(received).hasSize(10);
        for (MimeMessage message : received) {
            MimeMessage parsed = reparse(message);
            assertThat(MimeUtility.decodeText(MimeUtility.unfold(parsed.getHeader("Subject")[0]))).isEqualTo(TestMessages.SUBJECT);
            assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo(TestMessages.SENDER.displayName());
            assertThat(parsed.getContent()).isEqualTo(TestMessages.DECODED_BODY);
            assertThat(parsed.getHeader("Date")[0]).contains("15 Jan 2019 12:00:00 +0900");
            assertThat(parsed.getMessageID()).matches("<[a-z2-7]{26}@dlmarket\\.example>");
            assertThat(parsed.getHeader("Auto-Submitted")).containsExactly("auto-generated");
            assertThat(parsed.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        }
        assertThat(received).extracting(MimeMessage::getMessageID)
                .containsExactlyInAnyOrder(ids(10).toArray(String[]::new));
    }

    @Test
    void authenticatedRelayAcceptsTheMessage() {
        Session authenticating = SmtpSessions.create(new Properties(), USER);
        try (SmtpMailTransport transport = transport(authenticating, USER, PASSWORD)) {
            SendResult result = transport.send(TestMessages.notice(authenticating, "taro@example.jp", "C1"), "taro@example.jp");

            assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).hasSize(1);
    }

    @Test
    void wrongPasswordIsAConnectionFailureAndNothingIsSent() {
        Session authenticating = SmtpSessions.create(new Properties(), USER);
        try (SmtpMailTransport transport = transport(authenticating, USER, "wrong")) {
            SendResult result = transport.send(TestMessages.notice(authenticating, "taro@example.jp", "C1"), "taro@example.jp");

            assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
            assertThat(result.detail()).doesNotContain("wrong");
        }
        assertThat(GREEN_MAIL.getReceivedMessages()).isEmpty();
    }

    private static List<String> ids(int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            ids.add(TestMessages.messageId("C" + i));
        }
        return ids;
    }

    private static MimeMessage reparse(MimeMessage stored) throws Exception {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        stored.writeTo(raw);
        return new MimeMessage(TestMessages.plainSession(), new ByteArrayInputStream(raw.toByteArray()));
    }
}
