package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTransportTest {

    private final Session session = TestMessages.plainSession();

    @TempDir
    Path temp;

    @Test
    void messageIsWrittenWithExactlyItsWireBytesUnderItsMessageId() throws Exception {
        Path outbox = temp.resolve("outbox/nested");
        MimeMessage message = TestMessages.notice(session, "taro..yamada@docomo.ne.jp", "C1");
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        message.writeTo(expected);

        SendResult result;
        try (OutboxTransport outbox1 = new OutboxTransport(outbox)) {
            result = outbox1.send(message, "taro..yamada@docomo.ne.jp");
        }

        String local = TestMessages.messageId("C1").substring(1, 27);
        Path file = outbox.resolve(local + ".eml");
        assertThat(result.outcome()).isEqualTo(Outcome.ACCEPTED);
        assertThat(result.reply()).isEqualTo(new SmtpReply(250, "2.0.0", "written to outbox"));
        assertThat(Files.readAllBytes(file)).isEqualTo(expected.toByteArray());
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage parsed = new MimeMessage(session, in);
            assertThat(parsed.getSubject()).isEqualTo(TestMessages.SUBJECT);
            assertThat(parsed.getHeader("To")).containsExactly("taro..yamada@docomo.ne.jp");
        }
    }

    @Test
    void onlyFinishedEmlFilesAreLeftBehind() throws Exception {
        OutboxTransport outbox = new OutboxTransport(temp);
        for (int i = 1; i <= 3; i++) {
            outbox.send(TestMessages.notice(session, "user" + i + "@example.jp", "C" + i), "user" + i + "@example.jp");
        }

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .hasSize(3)
                    .allSatisfy(name -> assertThat(name).matches("[a-z2-7]{26}\\.eml"));
        }
    }

    @Test
    void sendingTheSameDeliveryAgainReplacesItsFile() throws Exception {
        OutboxTransport outbox = new OutboxTransport(temp);

        outbox.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");
        outbox.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");

        try (Stream<Path> files = Files.list(temp)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void unwritableFolderIsAConnectionFailureWithoutTheAddress() throws Exception {
        Path blocker = Files.writeString(temp.resolve("not-a-folder"), "x");
        OutboxTransport outbox = new OutboxTransport(blocker.resolve("outbox"));

        SendResult result = outbox.send(TestMessages.notice(session, "taro@example.jp", "C1"), "taro@example.jp");

        assertThat(result.outcome()).isEqualTo(Outcome.CONNECTION_FAILED);
        assertThat(result.detail()).contains("outbox").doesNotContain("taro");
    }

    @Test
    void unsafeCharactersInTheMessageIdDoNotEscapeTheFolder() throws Exception {
        MimeMessage message = new MimeMessage(session);
        message.setText("x");
        message.setHeader("Message-ID", "<../../etc/passwd@example.jp>");

        assertThat(OutboxTransport.fileName(message)).isEqualTo("_._.._etc_passwd").doesNotContain("/");
    }

    @Test
    void messageWithoutMessageIdIsACallerDefect() {
        MimeMessage message = new MimeMessage(session);

        assertThatThrownBy(() -> new OutboxTransport(temp).send(message, "taro@example.jp"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Message-ID");
    }
}
