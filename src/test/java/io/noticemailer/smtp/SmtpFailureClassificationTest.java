package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpFailureClassificationTest {

    private static final String BAD = "bad@example.jp";

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
    void unknownUserAtRcptIsPermanentAndKeepsTheConnection() {
        server.failRecipient(BAD, "550 5.1.1 unknown user");

        SendResult result = send(BAD, "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_PERMANENT);
        assertThat(result.reply()).isEqualTo(new SmtpReply(550, "5.1.1", "unknown user"));
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void tryLaterAtRcptIsTransient() {
        server.failRecipient(BAD, "450 4.2.1 try later");

        SendResult result = send(BAD, "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_TRANSIENT);
        assertThat(result.reply()).isEqualTo(new SmtpReply(450, "4.2.1", "try later"));
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void rejectionAfterTheBodyIsPermanent() {
        server.replyAfterData(1, "554 5.7.1 rejected");

        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_PERMANENT);
        assertThat(result.reply()).isEqualTo(new SmtpReply(554, "5.7.1", "rejected"));
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void temporaryFailureAfterTheBodyIsTransient() {
        server.replyAfterData(1, "451 4.3.0 local error");

        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.REJECTED_TRANSIENT);
        assertThat(result.reply()).isEqualTo(new SmtpReply(451, "4.3.0", "local error"));
    }

    @Test
    void senderRejectedAtMailIsClassifiedByItsCode() {
        server.failMail(1, "553 5.7.1 sender not allowed").failMail(2, "452 4.3.1 insufficient storage");

        SendResult permanent = send("taro@example.jp", "C1");
        SendResult transient_ = send("taro@example.jp", "C2");

        assertThat(permanent.outcome()).isEqualTo(Outcome.REJECTED_PERMANENT);
        assertThat(permanent.reply()).isEqualTo(new SmtpReply(553, "5.7.1", "sender not allowed"));
        assertThat(transient_.outcome()).isEqualTo(Outcome.REJECTED_TRANSIENT);
        assertThat(transient_.reply()).isEqualTo(new SmtpReply(452, "4.3.1", "insufficient storage"));
    }

    @Test
    void shutdownAtRcptIsAConnectionFailureAndTheNextSendReconnects() {
        server.failRecipient(BAD, "421 4.3.2 shutting down");

        SendResult result = send(BAD, "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.reply()).isEqualTo(new SmtpReply(421, "4.3.2", "shutting down"));
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void shutdownAfterTheBodyIsAConnectionFailureAndClosesTheConnection() {
        server.replyAfterData(1, "421 4.4.2 closing connection");

        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.reply()).isEqualTo(new SmtpReply(421, "4.4.2", "closing connection"));
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void recipientEchoedInTheReplyIsMasked() {
        server.failRecipient("taro..yamada@docomo.ne.jp", "550 5.1.1 <taro..yamada@docomo.ne.jp>: Recipient address rejected");

        SendResult result = send("taro..yamada@docomo.ne.jp", "C1");

        assertThat(result.reply().text()).isEqualTo("<t***@docomo.ne.jp>: Recipient address rejected");
        assertThat(result.detail()).doesNotContain("taro..yamada");
    }

    @Test
    void givenAReplyEchoingTheRecipientQuotedAndItsLocalPartAloneThenNeitherReachesTheResult() {
        server.failRecipient("taro..yamada@docomo.ne.jp",
                "550 5.1.1 \"taro..yamada\"@DOCOMO.NE.JP: user Taro..Yamada unknown; see postmaster@docomo.ne.jp");

        SendResult result = send("taro..yamada@docomo.ne.jp", "C1");

        assertThat(result.reply().text())
                .isEqualTo("t***@docomo.ne.jp: user t*** unknown; see t***@docomo.ne.jp");
        assertThat(result.detail()).doesNotContainIgnoringCase("taro..yamada").doesNotContainIgnoringCase("yamada");
    }
}
