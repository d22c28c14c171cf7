package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.Session;

import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.Sender;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.render.RenderedNotice;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hard characters of Japanese mail, in customers' names and in templates, composed in both charsets and read
 * back by parsers that are not Jakarta Mail: Apache James mime4j, and Python's email package with its own codecs.
 * Every code point must come back exactly: as rendered in UTF-8, as rendered with the CP932 forms mapped to JIS in
 * ISO-2022-JP (the same JIS characters). Every header line is at most 998 octets, every encoded-word at most 75.
 */
class HardCharacterCorpusTest {

    static final List<String> NAMES = List.of("①②③ ㈱サンプル", "№1 Ⅰ世", "髙橋 﨑子", "德川 栁", "𠮷田 𠮷男", "ｶﾀｶﾅ ﾀﾛｳ",
            "山田 😀", "波〜線 全角～", "マイナス− 全角－", "高橋 一郎", "平行‖∥ ￠￡￢");
    /** A template only JIS X 0208 carries (once ～ and － are mapped), and one full of what it cannot carry. */
    static final Map<String, String[]> TEMPLATES = Map.of(
            "jis", new String[] {"【重要】お詫び 9:30～18:30 〜 0120－790－230 − ${name}様 ${managementCode}",
                    "管理コード：${managementCode}\n\n${name} 様\n\n受付時間 9:30～18:30（〜）\n電話 0120－790－230（−）\n"},
            "hard", new String[] {"①②③ ㈱ № Ⅰ 髙﨑德栁 𠮷 〜～ −－ ｶﾀｶﾅ 😀 ${name}様 ${managementCode}",
                    "管理コード：${managementCode}\n${name} 様\n①②③ ㈱ № Ⅰ\n髙 﨑 德 栁 𠮷\n〜 ～ − －\nｶﾀｶﾅ 😀\n"});
    private static final Sender SENDER = new Sender("ディー・エル・マーケット株式会社 ～窓口～", "support@dlmarket.example");
    private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[BbQq]\\?[^?\\s]*\\?=");
    private static final String CODE = "DL-7K3M-Q9XA";

    @TempDir
    static Path dir;

    private static final Map<String, Composed> corpus = new LinkedHashMap<>();

    record Composed(NoticeCharset asked, NoticeCharset used, RenderedNotice rendered, byte[] wire) {

        /** What a reader must decode: the rendered text, with the CP932 forms mapped when it went out in JIS. */
        String expected(String text) {
            return used.prepare(text);
        }
    }

    @BeforeAll
    static void composeTheCorpus() throws Exception {
        MailSystemProperties.apply();
        Path templates = Files.createDirectories(dir.resolve("templates"));
        for (Map.Entry<String, String[]> template : TEMPLATES.entrySet()) {
            Files.writeString(templates.resolve(template.getKey() + ".subject.ftl"), template.getValue()[0]);
            Files.writeString(templates.resolve(template.getKey() + ".body.ftl"), template.getValue()[1]);
        }
        NoticeRenderer renderer = new NoticeRenderer(templates);
        Path eml = Files.createDirectories(dir.resolve("eml"));
        for (NoticeCharset charset : NoticeCharset.values()) {
            MessageComposer composer = new MessageComposer(Session.getInstance(new Properties()),
                    new MessageSettings(SENDER, ZoneId.of("Asia/Tokyo"), charset, null));
            for (String template : TEMPLATES.keySet()) {
                for (int i = 0; i < NAMES.size(); i++) {
                    RenderedNotice rendered = renderer.render(template, NoticeModel.of("corpus", "C" + i, NAMES.get(i),
                            "taro..yamada@docomo.ne.jp", "card", CODE, new Hotline("0120-790-230", "9:30～18:30"), Map.of()));
                    ComposedMessage composed = composer.composeNotice("taro..yamada@docomo.ne.jp", rendered,
                            "<c" + i + "@dlmarket.example>", MessageComposerTest.NOON_UTC);
                    byte[] wire = MessageComposerTest.bytes(composed.message());
                    String file = charset.name() + "-" + template + "-" + i + ".eml";
                    Files.write(eml.resolve(file), wire);
                    corpus.put(file, new Composed(charset, composed.charset(), rendered, wire));
                }
            }
        }
    }

    @Test
    void iso2022JpIsUsedExactlyWhenJisCarriesTheWholeNotice() {
        corpus.forEach((file, c) -> {
            String all = c.rendered().subject() + c.rendered().body() + SENDER.displayName();
            boolean jisCarriesIt = NoticeCharset.ISO_2022_JP.encodeStrictly(NoticeCharset.ISO_2022_JP.prepare(all)).isPresent();
            NoticeCharset expected = c.asked() == NoticeCharset.ISO_2022_JP && jisCarriesIt ? NoticeCharset.ISO_2022_JP
                    : NoticeCharset.UTF_8;
            assertThat(c.used()).as(file).isEqualTo(expected);
        });
        assertThat(corpus.values()).filteredOn(c -> c.used() == NoticeCharset.ISO_2022_JP)
                .hasSize(4); // the JIS template with 高橋 一郎, 波〜線 全角～, マイナス− 全角－ and 平行‖∥ ￠￡￢
    }

    @Test
    void mime4jDecodesEveryCodePointExactly() throws IOException {
        for (Map.Entry<String, Composed> entry : corpus.entrySet()) {
            Composed c = entry.getValue();
            Message message = new DefaultMessageBuilder().parseMessage(new ByteArrayInputStream(c.wire()));

            assertThat(codePoints(message.getSubject())).as(entry.getKey()).isEqualTo(codePoints(c.expected(c.rendered().subject())));
            assertThat(message.getFrom().get(0).getName()).as(entry.getKey()).isEqualTo(c.expected(SENDER.displayName()));
            assertThat(message.getFrom().get(0).getAddress()).isEqualTo(SENDER.address());
            assertThat(message.getCharset()).isEqualToIgnoringCase(c.used().mimeName());
            assertThat(codePoints(text((TextBody) message.getBody()))).as(entry.getKey())
                    .isEqualTo(codePoints(c.expected(c.rendered().body()).replace("\n", "\r\n")));
        }
    }

    @Test
    void pythonsEmailPackageDecodesEveryCodePointExactly() throws Exception {
        JsonNode decoded = python(dir.resolve("eml"));

        for (Map.Entry<String, Composed> entry : corpus.entrySet()) {
            Composed c = entry.getValue();
            JsonNode message = decoded.get(entry.getKey());
            assertThat(message).as(entry.getKey()).isNotNull();
            assertThat(codePoints(message.get("subject").asString())).as(entry.getKey())
                    .isEqualTo(codePoints(c.expected(c.rendered().subject())));
            assertThat(message.get("fromName").asString()).isEqualTo(c.expected(SENDER.displayName()));
            assertThat(message.get("charset").asString()).isEqualToIgnoringCase(c.used().mimeName());
            assertThat(message.get("transferEncoding").asString())
                    .isEqualTo(c.used() == NoticeCharset.ISO_2022_JP ? "7bit" : "base64");
            assertThat(codePoints(message.get("body").asString().replace("\r\n", "\n"))).as(entry.getKey())
                    .isEqualTo(codePoints(c.expected(c.rendered().body())));
        }
    }

    @Test
    void everyHeaderLineIsAtMost998OctetsAndEveryEncodedWordAtMost75() {
        corpus.forEach((file, c) -> {
            String headers = new String(c.wire(), StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
            for (String line : headers.split("\r\n")) {
                assertThat(line.length()).as(file + ": " + line).isLessThanOrEqualTo(998);
                assertThat(line.length()).as(file + " folded: " + line).isLessThanOrEqualTo(77);
                Matcher word = ENCODED_WORD.matcher(line);
                while (word.find()) {
                    assertThat(word.group().length()).as(file + ": " + word.group()).isLessThanOrEqualTo(75);
                }
            }
            assertThat(headers).as(file).matches("\\p{ASCII}*").doesNotContainIgnoringCase("x-windows");
        });
    }

    private static JsonNode python(Path folder) throws Exception {
        Path script = Path.of("src/test/resources/mime/parse_eml.py").toAbsolutePath();
        Process process = new ProcessBuilder("python3", script.toString(), folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        return JsonMapper.builder().build().readTree(new String(out, StandardCharsets.US_ASCII));
    }

    private static String text(TextBody body) throws IOException {
        try (Reader reader = body.getReader()) {
            StringBuilder text = new StringBuilder();
            char[] buffer = new char[4096];
            for (int n = reader.read(buffer); n >= 0; n = reader.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        }
    }

    private static List<String> codePoints(String text) {
        List<String> points = new ArrayList<>();
        text.codePoints().forEach(cp -> points.add(String.format("U+%04X", cp)));
        return points;
    }
}
