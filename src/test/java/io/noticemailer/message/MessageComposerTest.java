package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.noticemailer.campaign.Sender;
import io.noticemailer.render.RenderedNotice;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Properties;
import java.util.TimeZone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MessageComposerTest {

    static final String MESSAGE_ID = "<abcdefghijklmnopqrstuvwxyz@dlmarket.example>";
    static final Instant NOON_UTC = Instant.parse("2019-01-15T03:00:00Z");
    static final Sender SENDER = new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example");
    static final RenderedNotice NOTICE = new RenderedNotice(
            "【重要】クレジットカード情報流出に関するお詫びとお知らせ DL-7K3M-Q9XA",
            "髙橋 𠮷男 様\n\n管理番号: DL-7K3M-Q9XA\n受付時間 9:30～18:30\n");

    private final Session session = Session.getInstance(new Properties());
    private final MessageComposer composer = new MessageComposer(session, SENDER, ZoneId.of("Asia/Tokyo"));

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    @Test
    void testsRunWithTheJvmInUtcSoTheDateCheckMeansSomething() {
        assertThat(TimeZone.getDefault().getRawOffset()).isZero();
    }

    @Test
    void subjectAndSenderNameDecodeExactlyFromTheWireBytes() throws Exception {
        MimeMessage parsed = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getSubject()).isEqualTo(NOTICE.subject());
        InternetAddress from = (InternetAddress) parsed.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo(SENDER.displayName());
        assertThat(from.getAddress()).isEqualTo(SENDER.address());
        assertThat(parsed.getHeader("From")[0]).startsWith("=?UTF-8?B?");
        assertThat(parsed.getHeader("Subject")[0]).startsWith("=?UTF-8?B?");
    }

    @Test
    void bodyIsSinglePartPlainTextInUtf8AndDecodesExactly() throws Exception {
        MimeMessage parsed = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        // MIME text in its canonical form: CRLF line breaks (RFC 2046 4.1.1), also inside base64
        assertThat(parsed.getContent()).isEqualTo(NOTICE.body().replace("\n", "\r\n"));
        assertThat(parsed.getHeader("Content-Transfer-Encoding")[0]).isIn("base64", "quoted-printable");
    }

    @Test
    void dateIsInTheJobZoneAlthoughTheJvmRunsInUtc() throws Exception {
        MimeMessage parsed = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getHeader("Date")[0]).contains("15 Jan 2019 12:00:00 +0900");
        assertThat(parsed.getSentDate().toInstant()).isEqualTo(NOON_UTC);
    }

    @Test
    void givenNoticesComposedOneAfterAnother_whenTheSecondChanges_thenEachCarriesItsOwnSecond() throws Exception {
        Instant later = NOON_UTC.plusMillis(999);
        Instant nextSecond = NOON_UTC.plusSeconds(1);

        String first = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC)).getHeader("Date")[0];
        String sameSecond = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, later)).getHeader("Date")[0];
        String next = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, nextSecond)).getHeader("Date")[0];
        String back = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC)).getHeader("Date")[0];

        assertThat(first).contains("12:00:00 +0900").isEqualTo(sameSecond).isEqualTo(back);
        assertThat(next).contains("12:00:01 +0900");
    }

    @Test
    void otherZoneGivesItsOwnOffset() throws Exception {
        MessageComposer utcComposer = new MessageComposer(session, SENDER, ZoneId.of("Europe/Paris"));

        MimeMessage parsed = reparse(utcComposer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getHeader("Date")[0]).contains("15 Jan 2019 04:00:00 +0100");
    }

    @Test
    void messageIdIsTheGivenOneEvenAfterSavingAgain() throws Exception {
        MimeMessage message = composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC);
        message.saveChanges();

        assertThat(message.getMessageID()).isEqualTo(MESSAGE_ID);
        assertThat(reparse(message).getMessageID()).isEqualTo(MESSAGE_ID);
    }

    @Test
    void carriesAutoSubmittedAndMimeVersionButNoListUnsubscribeOrMailer() throws Exception {
        MimeMessage parsed = reparse(composer.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getHeader("Auto-Submitted")).containsExactly("auto-generated");
        assertThat(parsed.getHeader("MIME-Version")).containsExactly("1.0");
        assertThat(parsed.getHeader("List-Unsubscribe")).isNull();
        assertThat(parsed.getHeader("X-Mailer")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"taro..yamada@docomo.ne.jp", "hanako.@ezweb.ne.jp", ".abc@ezweb.ne.jp"})
    void legacyCarrierAddressGoesIntoToExactlyAsWritten(String legacy) throws Exception {
        MimeMessage message = composer.compose(legacy, NOTICE, MESSAGE_ID, NOON_UTC);

        assertThat(wire(message)).contains("\r\nTo: " + legacy + "\r\n");
        assertThat(reparse(message).getHeader("To")).containsExactly(legacy);
    }

    @Test
    void senderWithoutDisplayNameIsTheBareAddress() throws Exception {
        MessageComposer bare = new MessageComposer(session, new Sender("", "support@dlmarket.example"), ZoneId.of("Asia/Tokyo"));

        MimeMessage parsed = reparse(bare.compose("taro@example.jp", NOTICE, MESSAGE_ID, NOON_UTC));

        assertThat(parsed.getHeader("From")).containsExactly("support@dlmarket.example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@x.jp, b@y.jp", "a@x.jp\r\nBcc: b@y.jp", "a b@x.jp", "<a@x.jp>", "a@x.jp;b@y.jp", "noatsign", "a@b@c"})
    void recipientThatIsNotOnePlainMailboxIsRefusedWithoutEchoingIt(String bad) {
        assertThatThrownBy(() -> composer.compose(bad, NOTICE, MESSAGE_ID, NOON_UTC))
                .isInstanceOf(MessageException.class)
                .hasMessageContaining(MESSAGE_ID)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad).doesNotContain("x.jp"));
    }

    @Test
    void subjectWithALineBreakIsRefused() {
        RenderedNotice injected = new RenderedNotice("ご案内\r\nBcc: everyone@example.jp", "本文");

        assertThatThrownBy(() -> composer.compose("taro@example.jp", injected, MESSAGE_ID, NOON_UTC))
                .isInstanceOf(MessageException.class)
                .hasMessageContaining("subject");
    }

    @Test
    void malformedMessageIdIsRefused() {
        assertThatThrownBy(() -> composer.compose("taro@example.jp", NOTICE, "no-brackets@x", NOON_UTC))
                .isInstanceOf(MessageException.class)
                .hasMessageContaining("no-brackets@x");
    }

    static byte[] bytes(MimeMessage message) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    static String wire(MimeMessage message) throws Exception {
        return new String(bytes(message), StandardCharsets.US_ASCII);
    }

    static MimeMessage reparse(MimeMessage message) throws Exception {
        byte[] raw = bytes(message);
        assertThat(new String(raw, StandardCharsets.ISO_8859_1)).as("only 7-bit bytes on the wire").matches("\\p{ASCII}*");
        return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
    }
}
