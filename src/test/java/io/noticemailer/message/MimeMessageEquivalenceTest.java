package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.Sender;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;

/**
 * The hand-built wire bytes equal, octet for octet, those Jakarta Mail wrote for the same notice through a
 * MimeMessage (MimeMessageOracle): header order and folding, encoded words, Date, Message-ID, MIME-Version, the
 * transfer encoding saveChanges chose (7bit, quoted-printable, base64) and the encoded body. The message handed
 * on is, without being parsed, what parsing those bytes gives.
 */
class MimeMessageEquivalenceTest {

    private static final Session SESSION = Session.getInstance(new Properties());
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final String MESSAGE_ID = MessageComposerTest.MESSAGE_ID;
    private static final Instant DATE = MessageComposerTest.NOON_UTC;
    private static final Sender SENDER = MessageComposerTest.SENDER;
    private static final String RECIPIENT = "taro..yamada@docomo.ne.jp";
    private static final String JAPANESE_LINE = "お客様のクレジットカード情報の一部が流出した可能性がございます。";
    private static final String LONG_SUBJECT = "【重要】クレジットカード情報流出に関するお詫びとお知らせ（ディー・エル・マーケット株式会社）"
            + " 管理番号 DL-7K3M-Q9XA 受付時間 9:30～18:30";

    @TempDir
    static Path dir;

    record Case(String label, NoticeCharset charset, Sender sender, String recipient, RenderedNotice notice) {

        Case(String label, NoticeCharset charset, String subject, String body) {
            this(label, charset, SENDER, RECIPIENT, new RenderedNotice(subject, body));
        }

        @Override
        public String toString() {
            return label + " (" + charset + ")";
        }
    }

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (NoticeCharset charset : NoticeCharset.values()) {
            cases.addAll(texts(charset));
            cases.addAll(people(charset));
            cases.addAll(templates(charset));
        }
        cases.addAll(randomNotices(new Random(20190115L), 400));
        return cases.stream();
    }

    private static List<Case> texts(NoticeCharset charset) {
        String ascii76 = "This notice line is plain ASCII and exactly long enough to need a soft break ok";
        return List.of(
                new Case("JIS-only notice", charset, Iso2022JpMessageTest.JIS_ONLY.subject(), Iso2022JpMessageTest.JIS_ONLY.body()),
                new Case("UTF-8 fallback 髙 𠮷", charset, MessageComposerTest.NOTICE.subject(), MessageComposerTest.NOTICE.body()),
                new Case("long folding subject", charset, LONG_SUBJECT, "本文\n"),
                new Case("long ASCII subject", charset, "Important: " + "notice about your card ".repeat(8), "body\n"),
                new Case("ASCII subject without blanks", charset, "x".repeat(120), "body\n"),
                new Case("ASCII body (7bit)", charset, "Notice", "Dear customer,\n\nPlease call 0120-790-230.\n"),
                new Case("mostly ASCII body (quoted-printable)", charset, "Notice",
                        "Dear customer 髙橋,\n\t= tab and equals =\ntrailing blank \n" + ascii76 + "\n" + ascii76.repeat(3) + "\n"),
                new Case("ASCII line over 998 octets", charset, "Notice", "a".repeat(1200) + "\nshort\n"),
                new Case("Japanese line over 998 octets", charset, "お知らせ", JAPANESE_LINE.repeat(12) + "\n"),
                new Case("long Japanese lines within 998", charset, "お知らせ", (JAPANESE_LINE.repeat(5) + "\n").repeat(4)),
                new Case("CRLF and bare CR in the body", charset, "お知らせ", "一行目\r\n二行目\rthree\n\n"),
                new Case("no final line break", charset, "お知らせ", "本文の終わりに改行なし"),
                new Case("57-octet base64 groups", charset, "お知らせ", "あ".repeat(19)),
                new Case("114-octet base64 groups", charset, "お知らせ", "あ".repeat(38)),
                new Case("empty body", charset, "お知らせ", ""),
                new Case("only a line break", charset, "お知らせ", "\n"),
                new Case("only a blank", charset, "Notice", " "),
                new Case("DEL and a control character", charset, "Notice", "a\u007fb\u0001c\n"),
                new Case("as many ASCII as other octets (base64)", charset, "Notice", "ab\u00e9"),
                new Case("one ASCII octet more (quoted-printable)", charset, "Notice", "abc\u00e9"),
                new Case("half-width katakana", charset, "ｶﾀｶﾅ", "ｶﾀｶﾅ ﾀﾛｳ 様\n"),
                new Case("emoji subject", charset, "ご案内 😀", "本文 😀\n"));
    }

    private static List<Case> people(NoticeCharset charset) {
        RenderedNotice notice = Iso2022JpMessageTest.JIS_ONLY;
        return List.of(
                new Case("no display name", charset, new Sender("", "support@dlmarket.example"), RECIPIENT, notice),
                new Case("ASCII display name to quote", charset, new Sender("DLmarket, Support (JP)", "support@dlmarket.example"),
                        RECIPIENT, notice),
                new Case("long Japanese display name", charset,
                        new Sender("ディー・エル・マーケット株式会社 カスタマーサポート窓口（個人情報流出対応）～受付～", "support@dlmarket.example"),
                        RECIPIENT, notice),
                new Case("display name 髙", charset, new Sender("髙島屋 窓口", "support@dlmarket.example"), RECIPIENT, notice),
                new Case("recipient with a colon", charset, SENDER, "ab:cd@example.jp", notice),
                new Case("recipient too long for one line", charset, SENDER,
                        "a.very.long.local.part.that.goes.on.and.on.and.on@subdomain.of.a.long.example.co.jp", notice),
                new Case("recipient of 72 characters", charset, SENDER, "a".repeat(59) + "@example.jp", notice),
                new Case("recipient of 73 characters", charset, SENDER, "a".repeat(60) + "@example.jp", notice));
    }

    private static List<Case> templates(NoticeCharset charset) {
        NoticeRenderer renderer = new NoticeRenderer(Path.of("templates").toAbsolutePath());
        List<Case> cases = new ArrayList<>();
        for (String template : List.of("card-leak", "fake-form-only")) {
            for (String name : List.of("高橋 一郎", "髙橋 﨑子", "𠮷田 𠮷男")) {
                RenderedNotice notice = renderer.render(template, NoticeModel.of("dlmarket-2018-12", "10000001", name,
                        RECIPIENT, "card", "DL-7K3M-Q9XC", new Hotline("0120-790-230", "9:30～18:30(土・日・祝祭日を含む)"),
                        Map.of("決済日時", "2018/11/03 14:22")));
                cases.add(new Case(template + " for " + name, charset, SENDER, RECIPIENT, notice));
            }
        }
        return cases;
    }

    /** Texts drawn from the characters that decide encodings, folds and line lengths. */
    private static List<Case> randomNotices(Random random, int count) {
        String[] pieces = {"a", "Z", "0", " ", "  ", "\t", "=", "?", "_", "\"", "あ", "漢", "髙", "𠮷", "～", "－", "ｶ", "①",
                "😀", "\n", "\n\n", "\r", "\r\n", "\u007f", "x".repeat(90), "。".repeat(40)};
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String subject = randomText(random, pieces, 40).replaceAll("[\r\n]", " ");
            String body = randomText(random, pieces, random.nextInt(4) == 0 ? 600 : 80);
            NoticeCharset charset = NoticeCharset.values()[random.nextInt(2)];
            cases.add(new Case("random " + i, charset, subject, body));
        }
        return cases;
    }

    private static String randomText(Random random, String[] pieces, int maxPieces) {
        StringBuilder text = new StringBuilder();
        int n = random.nextInt(maxPieces + 1);
        for (int i = 0; i < n; i++) {
            text.append(pieces[random.nextInt(pieces.length)]);
        }
        return text.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenANotice_whenBuiltByHand_thenTheBytesAreThoseJakartaMailWrote(Case c) throws Exception {
        MessageSettings settings = new MessageSettings(c.sender(), TOKYO, c.charset(), null);

        byte[] expected = new MimeMessageOracle(SESSION, settings).compose(c.recipient(), c.notice(), MESSAGE_ID, DATE);
        MimeMessage built = new MessageComposer(SESSION, settings).compose(c.recipient(), c.notice(), MESSAGE_ID, DATE);

        assertThat(latin1(MessageComposerTest.bytes(built))).isEqualTo(latin1(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenANotice_whenBuiltByHand_thenTheMessageIsWhatParsingItsBytesGives(Case c) throws Exception {
        MessageSettings settings = new MessageSettings(c.sender(), TOKYO, c.charset(), null);

        MimeMessage built = new MessageComposer(SESSION, settings).compose(c.recipient(), c.notice(), MESSAGE_ID, DATE);
        MimeMessage parsed = new MimeMessage(SESSION, new ByteArrayInputStream(MessageComposerTest.bytes(built)));

        assertThat(Collections.list(built.getAllHeaderLines())).isEqualTo(Collections.list(parsed.getAllHeaderLines()));
        assertThat(built.getContent()).isEqualTo(parsed.getContent());
        assertThat(built.getSize()).isEqualTo(parsed.getSize());
        assertThat(built.getFrom()).isEqualTo(parsed.getFrom());
        assertThat(built.getSubject()).isEqualTo(parsed.getSubject());
        assertThat(built.getMessageID()).isEqualTo(parsed.getMessageID());
    }

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void givenASigningJob_whenBuiltByHand_thenTheSignedBytesAreThoseOfSigningTheMimeMessage(NoticeCharset charset)
            throws Exception {
        DkimTestKey key = DkimTestKey.generate();
        MessageSettings settings = new MessageSettings(SENDER, TOKYO, charset, DkimSigning.load(key.spec(dir)));
        RenderedNotice notice = Iso2022JpMessageTest.JIS_ONLY;

        byte[] expected = new MimeMessageOracle(SESSION, settings).compose(RECIPIENT, notice, MESSAGE_ID, DATE);
        ComposedMessage built = new MessageComposer(SESSION, settings).composeNotice(RECIPIENT, notice, MESSAGE_ID, DATE);

        byte[] wire = MessageComposerTest.bytes(built.message());
        assertThat(latin1(wire)).isEqualTo(latin1(expected));
        assertThat(key.verify(wire)).hasSize(1);
    }

    @Test
    void givenTheRandomCases_thenEveryTransferEncodingIsCovered() throws Exception {
        List<String> encodings = new ArrayList<>();
        for (Case c : cases().toList()) {
            MessageSettings settings = new MessageSettings(c.sender(), TOKYO, c.charset(), null);
            encodings.add(new MessageComposer(SESSION, settings).compose(c.recipient(), c.notice(), MESSAGE_ID, DATE)
                    .getEncoding());
        }
        assertThat(encodings).contains("7bit", "quoted-printable", "base64");
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
