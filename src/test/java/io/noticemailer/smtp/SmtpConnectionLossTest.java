package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.Session;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connections refused, lost or timed out: whether the message may have arrived decides the outcome. */
class SmtpConnectionLossTest {

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
    void reusedConnectionFoundDeadBeforeTheBodyIsReplacedAndTheMessageSent() {
        server.dropAtMail(2);
        send("first@example.jp", "C1");

        SendResult result = send("second@example.jp", "C2");

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.messages()).hasSize(2);
    }

    @Test
    void givenAReusedConnectionClosedWith421AtMailFromThenItIsReplacedAndTheMessageSentWithoutA421() {
        server.failMail(2, "421 4.4.2 idle for too long, closing connection");
        send("first@example.jp", "C1");

        SendResult result = send("second@example.jp", "C2");

        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(server.deliveredTo("second@example.jp")).isEqualTo(1);
    }

    @Test
    void givenAFreshConnectionAnswering421AtMailFromThenItIsAConnectionFailureForTheThrottle() {
        server.failMail(1, "421 4.7.0 too many connections, slow down");

        SendResult result = send("taro@example.jp", "C1");

        assertLeftToTheThrottle(result);
    }

    @Test
    void givenAReusedConnectionAnswering421AfterMailFromWasAcceptedThenItIsAConnectionFailureForTheThrottle() {
        server.failRecipient("second@example.jp", "421 4.7.0 too fast, slow down");
        send("first@example.jp", "C1");

        SendResult result = send("second@example.jp", "C2");

        assertLeftToTheThrottle(result);
    }

    /** A 421 the transport does not retry by itself: the send worker retries it, and the throttle slows down. */
    private void assertLeftToTheThrottle(SendResult result) {
        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.reply().code()).isEqualTo(421);
        assertThat(server.connections()).isEqualTo(1);
    }

    @Test
    void freshConnectionLostBeforeTheBodyIsAConnectionFailureWithoutRetry() {
        server.dropAtMail(1);

        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.detail()).contains("before the end of the message was sent");
        assertThat(server.connections()).isEqualTo(1);
        assertThat(send("taro@example.jp", "C1").outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void connectionDroppedBeforeTheFinalReplyIsUncertain() {
        server.dropAfterData(1);

        SendResult result = send("taro@example.jp", "C1");

        assertThat(result.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(result.reply()).isNull();
        assertThat(result.detail()).contains("after the end of the message was sent");
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void connectionDroppedWhileTheBodyIsBeingSentIsNotDeliveredAndNotInDoubt() {
        server.dropDuringData("big@example.jp");
        // Larger than what the loopback socket buffers can absorb, so the client is still writing when reset.
        String body = "お知らせ本文。".repeat(3_000_000);
        jakarta.mail.internet.MimeMessage big = new io.noticemailer.message.MessageComposer(session, TestMessages.SENDER,
                java.time.ZoneId.of("Asia/Tokyo")).compose("big@example.jp",
                new io.noticemailer.render.RenderedNotice(TestMessages.SUBJECT, body), TestMessages.messageId("BIG"),
                TestMessages.SENT_AT);

        SendResult result = transport.send(big, "big@example.jp");

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.detail()).contains("before the end of the message was sent");
        assertThat(server.messages()).isEmpty();
    }

    @Test
    void serverHangingAfterTheBodyIsUncertainOnceTheReadTimesOut() {
        server.hangAfterData(1);
        long start = System.nanoTime();

        SendResult result = send("taro@example.jp", "C1");

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        assertThat(result.outcome()).isEqualTo(Outcome.UNCERTAIN);
        assertThat(result.detail()).containsIgnoringCase("timed out");
        assertThat(send("good@example.jp", "C2").outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(server.connections()).isEqualTo(2);
    }

    @Test
    void serverClosingEveryConnectionIsAConnectionFailureUntilItRecovers() {
        server.refuseConnections(true);

        SendResult refused = send("taro@example.jp", "C1");
        server.refuseConnections(false);
        SendResult recovered = send("taro@example.jp", "C1");

        assertThat(refused.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(refused.reply()).isNull();
        assertThat(refused.detail()).contains(server.host() + ":" + server.port());
        assertThat(recovered.outcome()).isEqualTo(Outcome.ACCEPTED);
    }

    @Test
    void nothingListeningIsAConnectionFailure() throws Exception {
        int unusedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            unusedPort = probe.getLocalPort();
        }
        SmtpMailTransport nowhere = new SmtpMailTransport(session, "127.0.0.1", unusedPort, null, null);

        SendResult result = nowhere.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");
        nowhere.close();

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.detail()).contains("Connection refused");
    }

    @Test
    void greetingWithAnErrorIsAConnectionFailureWithTheReply() throws Exception {
        try (GreetingServer busy = GreetingServer.start("554 5.3.2 too busy")) {
            SmtpMailTransport rejected = new SmtpMailTransport(session, "127.0.0.1", busy.port(), null, null);

            SendResult result = rejected.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");
            rejected.close();

            assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
            assertThat(result.reply()).isEqualTo(new SmtpReply(554, "5.3.2", "too busy"));
        }
    }
}
