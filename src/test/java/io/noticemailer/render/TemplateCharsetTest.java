package io.noticemailer.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static io.noticemailer.render.SampleCustomer.TEMPLATES;
import static org.assertj.core.api.Assertions.assertThat;

/** The real templates must survive an ISO-2022-JP message and read like Japanese mail. */
class TemplateCharsetTest {

    private static final int FIRST_HALF_WIDTH_KATAKANA = 0xFF61;
    private static final int LAST_HALF_WIDTH_KATAKANA = 0xFF9F;
    private static final int MAX_BODY_COLUMNS = 80;
    /** Below this, characters take one column in a Japanese mail reader; everything above is counted as two. */
    private static final int FIRST_WIDE_CODE_POINT = 0x1100;

    @Test
    void bothNoticesHaveASubjectAndABodyFile() throws IOException {
        assertThat(templateFiles()).extracting(p -> p.getFileName().toString()).contains(
                "card-leak.subject.ftl", "card-leak.body.ftl", "fake-form-only.subject.ftl", "fake-form-only.body.ftl");
    }

    @Test
    void everyTemplateCharacterIsEncodableInIso2022Jp() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : templateFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                problems.addAll(unencodable(file, i + 1, lines.get(i)));
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void templatesAreStrictUtf8WithLfLineEnds() throws IOException {
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        for (Path file : templateFiles()) {
            String text = strict.decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            assertThat(text).as(file.toString()).doesNotContain("\r").doesNotStartWith("\uFEFF").endsWith("\n");
        }
    }

    @Test
    void bodyLinesFitInEightyColumns() throws IOException {
        for (Path file : templateFiles()) {
            if (file.getFileName().toString().endsWith(NoticeRenderer.BODY_SUFFIX)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                assertThat(lines).as(file.toString()).allSatisfy(line -> assertThat(columns(line)).isLessThanOrEqualTo(MAX_BODY_COLUMNS));
            }
        }
    }

    @Test
    void strictEncoderRejectsWhatJavaWouldSilentlyReplace() {
        assertThat(unencodable(Path.of("probe"), 1, "9:30～18:30")).hasSize(1);
        assertThat(unencodable(Path.of("probe"), 1, "①")).hasSize(1);
        assertThat(unencodable(Path.of("probe"), 1, "ｶ")).hasSize(1);
        assertThat(unencodable(Path.of("probe"), 1, "9:30〜18:30（1）")).isEmpty();
    }

    private static List<String> unencodable(Path file, int line, String text) {
        CharsetEncoder encoder = Charset.forName("ISO-2022-JP").newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        List<String> problems = new ArrayList<>();
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            boolean halfWidthKatakana = cp >= FIRST_HALF_WIDTH_KATAKANA && cp <= LAST_HALF_WIDTH_KATAKANA;
            if (halfWidthKatakana || !encodes(encoder, ch)) {
                problems.add(file.getFileName() + ":" + line + ": U+" + Integer.toHexString(cp).toUpperCase() + " " + ch);
            }
        });
        return problems;
    }

    private static boolean encodes(CharsetEncoder encoder, String ch) {
        try {
            encoder.reset().encode(CharBuffer.wrap(ch));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int columns(String line) {
        return line.codePoints().map(cp -> cp < FIRST_WIDE_CODE_POINT ? 1 : 2).sum();
    }

    private static List<Path> templateFiles() throws IOException {
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".ftl")).sorted().toList();
        }
    }
}
