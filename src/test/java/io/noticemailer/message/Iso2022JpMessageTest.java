package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.noticemailer.campaign.Sender;
import io.noticemailer.render.RenderedNotice;

/** {@code charset: ISO-2022-JP}: 7bit JIS when the whole notice fits, UTF-8 when it does not, never a '?'. */
class Iso2022JpMessageTest {

    static final Sender SENDER = new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example");
    static final RenderedNotice JIS_ONLY = new RenderedNotice(
            "【重要】カード情報流出に関するお詫び DL-7K3M-Q9XA",
            "管理コード：DL-7K3M-Q9XA\n\n高橋 一郎 様\n\n受付時間 9:30～18:30\n専用ダイヤル 0120－790－230\n");
    private static final Charset JIS = Charset.forName("ISO-2022-JP");

    private final MessageComposer composer = new MessageComposer(Session.getInstance(new Properties()),
            new MessageSettings(SENDER, ZoneId.of("Asia/Tokyo"), NoticeCharset.ISO_2022_JP, null));

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    @Test
    void aNoticeJisCanCarryGoesOutAsIso2022JpIn7bit() throws Exception {
        ComposedMessage composed = composer.composeNotice("taro@example.jp", JIS_ONLY, MessageComposerTest.MESSAGE_ID,
                MessageComposerTest.NOON_UTC);
        String wire = MessageComposerTest.wire(composed.message());
        MimeMessage parsed = MessageComposerTest.reparse(composed.message());

        assertThat(composed.charset()).isEqualTo(NoticeCharset.ISO_2022_JP);
        assertThat(parsed.getHeader("Content-Type")).containsExactly("text/plain; charset=ISO-2022-JP");
        assertThat(parsed.getHeader("Content-Transfer-Encoding")).containsExactly("7bit");
        assertThat(wire).doesNotContainIgnoringCase("x-windows").doesNotContainIgnoringCase("iso2022jp")
                .contains("Subject: =?ISO-2022-JP?B?").contains("From: =?ISO-2022-JP?B?");
        assertThat(parsed.getSubject()).isEqualTo(JIS_ONLY.subject());
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo(SENDER.displayName());
        assertThat(parsed.getHeader("Date")[0]).contains("15 Jan 2019 12:00:00 +0900");
    }

    @Test
    void bodyIsJisBytesWithCrlfAndEveryLineEndsBackInAscii() throws Exception {
        MimeMessage message = composer.compose("taro@example.jp", JIS_ONLY, MessageComposerTest.MESSAGE_ID,
                MessageComposerTest.NOON_UTC);
        byte[] raw = MessageComposerTest.bytes(message);
        String wire = new String(raw, StandardCharsets.ISO_8859_1);
        String body = wire.substring(wire.indexOf("\r\n\r\n") + 4);

        assertThat(body.split("\r\n")).allSatisfy(line -> {
            assertThat(line.length()).isLessThanOrEqualTo(998);
            assertThat(endsInAscii(line)).as(line).isTrue();
        });
        assertThat(body).doesNotContain("\u001b(I").doesNotContain("\n\n");
        String decoded = new String(body.getBytes(StandardCharsets.ISO_8859_1), JIS);
        // ～ and － were typed on Windows; the JIS characters sent are the same glyphs, 〜 and −
        assertThat(decoded).isEqualTo(NoticeCharset.ISO_2022_JP.prepare(JIS_ONLY.body()).replace("\n", "\r\n"))
                .contains("9:30〜18:30", "0120−790−230");
    }

    @Test
    void aNameJisCannotCarryMakesThatNoticeGoOutInUtf8Intact() throws Exception {
        RenderedNotice withName = new RenderedNotice(JIS_ONLY.subject(), "髙橋 𠮷男 様 ｶﾀｶﾅ\n" + JIS_ONLY.body());

        ComposedMessage composed = composer.composeNotice("taro@example.jp", withName, MessageComposerTest.MESSAGE_ID,
                MessageComposerTest.NOON_UTC);
        MimeMessage parsed = MessageComposerTest.reparse(composed.message());

        assertThat(composed.charset()).isEqualTo(NoticeCharset.UTF_8);
        assertThat(parsed.getContentType()).isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(MessageComposerTest.wire(composed.message())).contains("Subject: =?UTF-8?B?");
        // nothing mapped, nothing replaced: UTF-8 carries exactly what was rendered
        assertThat(parsed.getContent()).isEqualTo(withName.body().replace("\n", "\r\n"));
        assertThat(parsed.getSubject()).isEqualTo(withName.subject());
    }

    @Test
    void aSubjectJisCannotCarryAlsoFallsBackForTheWholeMessage() throws Exception {
        RenderedNotice subject = new RenderedNotice("①ご案内 DL-7K3M-Q9XA", JIS_ONLY.body());

        ComposedMessage composed = composer.composeNotice("taro@example.jp", subject, MessageComposerTest.MESSAGE_ID,
                MessageComposerTest.NOON_UTC);

        assertThat(composed.charset()).isEqualTo(NoticeCharset.UTF_8);
        assertThat(MessageComposerTest.reparse(composed.message()).getSubject()).isEqualTo("①ご案内 DL-7K3M-Q9XA");
    }

    @Test
    void aBodyLineOver998OctetsInJisGoesOutInUtf8WhereBase64KeepsLinesShort() throws Exception {
        String longLine = "あ".repeat(600);
        RenderedNotice notice = new RenderedNotice(JIS_ONLY.subject(), longLine + "\n");

        ComposedMessage composed = composer.composeNotice("taro@example.jp", notice, MessageComposerTest.MESSAGE_ID,
                MessageComposerTest.NOON_UTC);
        String wire = MessageComposerTest.wire(composed.message());

        assertThat(composed.charset()).isEqualTo(NoticeCharset.UTF_8);
        assertThat(wire.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(998));
        assertThat(MessageComposerTest.reparse(composed.message()).getContent()).isEqualTo(longLine + "\r\n");
    }

    @Test
    void aSenderNameJisCannotCarryMakesTheMessageUtf8() throws Exception {
        MessageComposer composerWithHardName = new MessageComposer(Session.getInstance(new Properties()),
                new MessageSettings(new Sender("髙島屋サポート", "support@dlmarket.example"), ZoneId.of("Asia/Tokyo"),
                        NoticeCharset.ISO_2022_JP, null));

        ComposedMessage composed = composerWithHardName.composeNotice("taro@example.jp", JIS_ONLY,
                MessageComposerTest.MESSAGE_ID, MessageComposerTest.NOON_UTC);
        MimeMessage parsed = MessageComposerTest.reparse(composed.message());

        assertThat(composed.charset()).isEqualTo(NoticeCharset.UTF_8);
        assertThat(((InternetAddress) parsed.getFrom()[0]).getPersonal()).isEqualTo("髙島屋サポート");
    }

    @Test
    void encodedWordsOfTheSubjectAreEachACompleteJisSequence() throws Exception {
        String subject = "【重要】弊社運営サイトにおける不正アクセスによるお客様情報流出に関するお詫びとご報告".repeat(2)
                + " DL-7K3M-Q9XA";
        MimeMessage message = composer.compose("taro@example.jp", new RenderedNotice(subject, "本文\n"),
                MessageComposerTest.MESSAGE_ID, MessageComposerTest.NOON_UTC);
        String folded = message.getHeader("Subject")[0];

        String[] words = MimeUtility.unfold(folded).split(" ");
        assertThat(words).hasSizeGreaterThan(2).allSatisfy(word -> {
            if (word.startsWith("=?")) {
                assertThat(word).startsWith("=?ISO-2022-JP?B?").endsWith("?=");
                assertThat(word.length()).isLessThanOrEqualTo(75);
                String jis = new String(java.util.Base64.getDecoder().decode(
                        word.substring("=?ISO-2022-JP?B?".length(), word.length() - 2)), StandardCharsets.ISO_8859_1);
                assertThat(endsInAscii(jis)).as(jis).isTrue();
                assertThat(new String(jis.getBytes(StandardCharsets.ISO_8859_1), JIS)).doesNotContain("\uFFFD", "?");
            }
        });
        String[] lines = ("Subject: " + folded).split("\r\n");
        assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(77));
        assertThat(MessageComposerTest.reparse(message).getSubject()).isEqualTo(subject);
        assertThat(Arrays.stream(words).filter(w -> w.startsWith("=?"))).hasSizeGreaterThan(2);
    }

    /** RFC 1468: a line (and an encoded-word) must end with the character set switched back to ASCII. */
    private static boolean endsInAscii(String jis) {
        int lastEscape = jis.lastIndexOf('\u001b');
        return lastEscape < 0 || jis.startsWith("\u001b(B", lastEscape);
    }
}
