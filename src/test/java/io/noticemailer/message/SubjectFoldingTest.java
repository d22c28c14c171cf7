package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.noticemailer.campaign.Sender;
import io.noticemailer.render.RenderedNotice;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SubjectFoldingTest {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?(UTF-8|ISO-2022-JP)\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    private static final int MAX_ENCODED_WORD = 75;
    private static final int MAX_LINE = 77;

    private static final Sender LONG_NAMED_SENDER =
            new Sender("ディー・エル・マーケット株式会社 お客様サポートセンター 個人情報漏洩対応窓口", "support@dlmarket.example");

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    /** Subjects with 𠮷 go out in UTF-8 even when the job asks for ISO-2022-JP; the JIS-only ones in JIS. */
    static Stream<Arguments> longSubjects() {
        String kanji = "【重要】弊社運営サイトにおける不正アクセスによるお客様情報流出に関するお詫びとご報告";
        return Stream.of(NoticeCharset.values()).flatMap(charset -> Stream.of(
                kanji + " 𠮷野家の𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷 DL-7K3M-Q9XA",
                "𠮷".repeat(60),
                "a𠮷".repeat(40) + " DL-7K3M-Q9XA",
                kanji.repeat(3) + "①髙﨑～〜－− DL-7K3M-Q9XA",
                kanji.repeat(3) + "〜−‖ DL-7K3M-Q9XA",
                "ア".repeat(120) + "DL-7K3M-Q9XA").map(subject -> Arguments.of(charset, subject)));
    }

    private static MimeMessage compose(NoticeCharset charset, String subject) {
        MessageComposer composer = new MessageComposer(Session.getInstance(new Properties()),
                new MessageSettings(LONG_NAMED_SENDER, ZoneId.of("Asia/Tokyo"), charset, null));
        return composer.compose("taro@example.jp", new RenderedNotice(subject, "本文"), "<x@dlmarket.example>", Instant.EPOCH);
    }

    @ParameterizedTest
    @MethodSource("longSubjects")
    void longJapaneseSubjectFoldsIntoShortWordsAndDecodesExactly(NoticeCharset charset, String subject) throws Exception {
        MimeMessage message = compose(charset, subject);
        String wire = MessageComposerTest.wire(message);
        List<String> subjectLines = headerLines(wire, "Subject");

        assertThat(subjectLines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MAX_LINE));
        List<String> words = encodedWords(String.join("", subjectLines));
        assertThat(words).allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(MAX_ENCODED_WORD));
        assertThat(words).allSatisfy(SubjectFoldingTest::decodesToWholeCharacters);
        String expected = words.get(0).startsWith("=?ISO-2022-JP") ? NoticeCharset.ISO_2022_JP.prepare(subject) : subject;
        assertThat(MessageComposerTest.reparse(message).getSubject()).isEqualTo(expected);
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("Subject")[0]))).isEqualTo(expected);
        if (charset == NoticeCharset.ISO_2022_JP && subject.contains("〜−‖")) {
            assertThat(words).allSatisfy(word -> assertThat(word).startsWith("=?ISO-2022-JP?B?"));
        }
    }

    @ParameterizedTest
    @MethodSource("longSubjects")
    void everyHeaderLineStaysUnder78Characters(NoticeCharset charset, String subject) throws Exception {
        MimeMessage message = compose(charset, subject);
        String headers = MessageComposerTest.wire(message).split("\r\n\r\n", 2)[0];

        assertThat(headers.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MAX_LINE));
    }

    /** Each word on its own must be complete in its charset, holding whole code points: no character split across words. */
    private static void decodesToWholeCharacters(String word) {
        Matcher matcher = ENCODED_WORD.matcher(word);
        assertThat(matcher.matches()).isTrue();
        java.nio.charset.Charset charset = java.nio.charset.Charset.forName(matcher.group(1));
        byte[] bytes = Base64.getDecoder().decode(matcher.group(2));
        String text = new String(bytes, charset);
        assertThat(text.getBytes(charset)).as("valid, complete " + charset).isEqualTo(bytes);
        assertThat(text).doesNotContain("\uFFFD");
        assertThat(Character.isHighSurrogate(text.charAt(text.length() - 1))).isFalse();
        assertThat(Character.isLowSurrogate(text.charAt(0))).isFalse();
    }

    private static List<String> encodedWords(String unfolded) {
        List<String> words = new ArrayList<>();
        Matcher matcher = ENCODED_WORD.matcher(unfolded);
        while (matcher.find()) {
            words.add(matcher.group());
        }
        return words;
    }

    /** The header's first line and its continuation lines, as on the wire. */
    private static List<String> headerLines(String wire, String name) {
        List<String> lines = new ArrayList<>();
        boolean inHeader = false;
        for (String line : wire.split("\r\n\r\n", 2)[0].split("\r\n")) {
            if (line.startsWith(name + ":")) {
                inHeader = true;
            } else if (!line.startsWith(" ") && !line.startsWith("\t")) {
                inHeader = false;
            }
            if (inHeader) {
                lines.add(line);
            }
        }
        return lines;
    }
}
