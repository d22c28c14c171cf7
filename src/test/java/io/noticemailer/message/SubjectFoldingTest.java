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
import org.junit.jupiter.params.provider.MethodSource;

class SubjectFoldingTest {

    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?UTF-8\\?B\\?([A-Za-z0-9+/=]*)\\?=");
    private static final int MAX_ENCODED_WORD = 75;
    private static final int MAX_LINE = 77;

    private final MessageComposer composer = new MessageComposer(Session.getInstance(new Properties()),
            new Sender("ディー・エル・マーケット株式会社 お客様サポートセンター 個人情報漏洩対応窓口", "support@dlmarket.example"),
            ZoneId.of("Asia/Tokyo"));

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    static Stream<String> longSubjects() {
        String kanji = "【重要】弊社運営サイトにおける不正アクセスによるお客様情報流出に関するお詫びとご報告";
        return Stream.of(
                kanji + " 𠮷野家の𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷𠮷 DL-7K3M-Q9XA",
                "𠮷".repeat(60),
                "a𠮷".repeat(40) + " DL-7K3M-Q9XA",
                kanji.repeat(3) + "①髙﨑～〜－− DL-7K3M-Q9XA");
    }

    @ParameterizedTest
    @MethodSource("longSubjects")
    void longJapaneseSubjectFoldsIntoShortWordsAndDecodesExactly(String subject) throws Exception {
        MimeMessage message = composer.compose("taro@example.jp",
                new RenderedNotice(subject, "本文"), "<x@dlmarket.example>", Instant.EPOCH);
        String wire = MessageComposerTest.wire(message);
        List<String> subjectLines = headerLines(wire, "Subject");

        assertThat(subjectLines).hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MAX_LINE));
        List<String> words = encodedWords(String.join("", subjectLines));
        assertThat(words).allSatisfy(word -> assertThat(word.length()).isLessThanOrEqualTo(MAX_ENCODED_WORD));
        assertThat(words).allSatisfy(SubjectFoldingTest::decodesToWholeCharacters);
        assertThat(MessageComposerTest.reparse(message).getSubject()).isEqualTo(subject);
        assertThat(MimeUtility.decodeText(MimeUtility.unfold(message.getHeader("Subject")[0]))).isEqualTo(subject);
    }

    @ParameterizedTest
    @MethodSource("longSubjects")
    void everyHeaderLineStaysUnder78Characters(String subject) throws Exception {
        MimeMessage message = composer.compose("taro@example.jp",
                new RenderedNotice(subject, "本文"), "<x@dlmarket.example>", Instant.EPOCH);
        String headers = MessageComposerTest.wire(message).split("\r\n\r\n", 2)[0];

        assertThat(headers.split("\r\n")).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(MAX_LINE));
    }

    /** Each word on its own must be complete UTF-8 holding whole code points: no character split across words. */
    private static void decodesToWholeCharacters(String word) {
        Matcher matcher = ENCODED_WORD.matcher(word);
        assertThat(matcher.matches()).isTrue();
        byte[] bytes = Base64.getDecoder().decode(matcher.group(1));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text.getBytes(StandardCharsets.UTF_8)).as("valid, complete UTF-8").isEqualTo(bytes);
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
