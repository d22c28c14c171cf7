package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.message.DkimSigning;
import io.noticemailer.message.DkimTestKey;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageSettings;
import io.noticemailer.message.NoticeCharset;
import io.noticemailer.render.RenderedNotice;
import io.noticemailer.send.SendResult.Outcome;

/** A signed notice still verifies after the real SMTP path, in both charsets. */
class DkimOverSmtpTest {

    @RegisterExtension
    static final GreenMailExtension GREEN_MAIL = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    static Path dir;

    private static DkimTestKey key;

    @BeforeAll
    static void generateKey() {
        key = DkimTestKey.generate();
    }

    private static MimeMessage signed(Session session, NoticeCharset charset) {
        MessageSettings settings = new MessageSettings(TestMessages.SENDER, ZoneId.of("Asia/Tokyo"), charset,
                DkimSigning.load(key.spec(dir)));
        return new MessageComposer(session, settings).compose("taro@example.jp",
                new RenderedNotice("【重要】お詫びとお知らせ DL-7K3M-Q9XA", "高橋 一郎 様\n\n受付時間 9:30～18:30\n.\n..行頭のドット\n"),
                TestMessages.messageId("C1"), TestMessages.SENT_AT);
    }

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void theMessageGreenMailReceivedVerifies(NoticeCharset charset) throws Exception {
        Session session = TestMessages.fastSession();
        try (SmtpMailTransport transport = new SmtpMailTransport(session, "127.0.0.1", GREEN_MAIL.getSmtp().getPort(), null, null)) {
            assertThat(transport.send(signed(session, charset), "taro@example.jp").outcome()).isEqualTo(Outcome.ACCEPTED);
        }

        MimeMessage received = GREEN_MAIL.getReceivedMessages()[0];
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        received.writeTo(raw);

        assertThat(raw.toString(StandardCharsets.US_ASCII)).contains("charset=" + charset.mimeName());
        assertThat(key.verify(raw.toByteArray())).hasSize(1);
    }

    /** Jakarta Mail would re-encode a base64 body to 8bit for a server with 8BITMIME: that would break the signature. */
    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void anOperatorsAllow8bitmimeSettingCannotReEncodeASignedBody(NoticeCharset charset) throws Exception {
        Properties spring = new Properties();
        spring.setProperty("mail.smtp.allow8bitmime", "true");
        Session session = TestMessages.fastSession(spring);
        MimeMessage message = signed(session, charset);
        ByteArrayOutputStream composed = new ByteArrayOutputStream();
        message.writeTo(composed);

        try (ScriptedSmtpServer server = ScriptedSmtpServer.start();
             SmtpMailTransport transport = new SmtpMailTransport(session, server.host(), server.port(), null, null)) {
            assertThat(transport.send(message, "taro@example.jp").outcome()).isEqualTo(Outcome.ACCEPTED);

            byte[] onTheWire = server.messages().get(0);
            assertThat(server.commands()).filteredOn(c -> c.startsWith("MAIL")).noneMatch(c -> c.contains("8BITMIME"));
            // dot-stuffing undone by the server: what arrived is exactly what was composed and signed, plus the
            // line end SMTP needs before its final "."
            String expected = composed.toString(StandardCharsets.ISO_8859_1);
            assertThat(new String(onTheWire, StandardCharsets.ISO_8859_1))
                    .isEqualTo(expected.endsWith("\r\n") ? expected : expected + "\r\n");
            assertThat(key.verify(onTheWire)).hasSize(1);
        }
    }
}
