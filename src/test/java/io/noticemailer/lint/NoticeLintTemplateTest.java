package io.noticemailer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.JobFile;

/** The lint of template files and job file texts: each check, with file, line, column and character named. */
class NoticeLintTemplateTest {

    @TempDir
    Path dir;

    private List<LintFinding> lint(String charset, String body) {
        return new NoticeLint(LintJobs.job(dir, charset, LintJobs.GOOD_SUBJECT, body)).campaign();
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-8", "ISO-2022-JP"})
    void aCleanTemplateHasNoFindings(String charset) {
        assertThat(lint(charset, LintJobs.GOOD_BODY + "受付時間 9:30～18:30 0120－790－230\n\tタブは可\n")).isEmpty();
    }

    @Test
    void iso2022JpNamesEveryCharacterItCannotCarryWithFileLineAndColumn() {
        List<LintFinding> findings = lint("ISO-2022-JP", "一行目\n二行目 ①と髙\nｶﾀｶﾅ\n");

        assertThat(findings).allMatch(LintFinding::isError).extracting(LintFinding::toString).containsExactly(
                "notice.body.ftl, line 2, column 5: U+2460 ① (CIRCLED DIGIT ONE) cannot be sent in ISO-2022-JP (not in JIS X 0208)",
                "notice.body.ftl, line 2, column 7: U+9AD9 髙 (CJK UNIFIED IDEOGRAPHS 9AD9) cannot be sent in ISO-2022-JP (not in JIS X 0208)",
                "notice.body.ftl, line 3, column 1: U+FF76 ｶ (HALFWIDTH KATAKANA LETTER KA) cannot be sent in ISO-2022-JP"
                        + " (half-width katakana: write it in full-width)",
                "notice.body.ftl, line 3, column 2: U+FF80 ﾀ (HALFWIDTH KATAKANA LETTER TA) cannot be sent in ISO-2022-JP"
                        + " (half-width katakana: write it in full-width)",
                "notice.body.ftl, line 3, column 4: U+FF85 ﾅ (HALFWIDTH KATAKANA LETTER NA) cannot be sent in ISO-2022-JP"
                        + " (half-width katakana: write it in full-width)");
    }

    @Test
    void utf8WarnsAboutWhatFeaturePhoneEraClientsDrop() {
        List<LintFinding> findings = lint("UTF-8", "① と 髙 は大丈夫\n• 箇条書き 😀\n𠮷\n");

        assertThat(findings).noneMatch(LintFinding::isError).extracting(LintFinding::toString).containsExactly(
                "notice.body.ftl, line 2, column 1: U+2022 • (BULLET): not in Shift_JIS (CP932): feature-phone era"
                        + " Japanese mail clients drop or garble it",
                "notice.body.ftl, line 2, column 8: U+1F600 😀 (GRINNING FACE): emoji: feature-phone era Japanese mail"
                        + " clients drop or garble it",
                "notice.body.ftl, line 3, column 1: U+20BB7 𠮷 (CJK UNIFIED IDEOGRAPHS EXTENSION B 20BB7): not in"
                        + " Shift_JIS (CP932): feature-phone era Japanese mail clients drop or garble it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200D", "\u2060", "\uFEFF", "\u202E", "\u2067", "\u200F", "\u0007", "\u001B", "\u2028", "\u00AD"})
    void controlBidiAndZeroWidthCharactersAreErrorsInEitherCharset(String invisible) {
        for (String charset : List.of("UTF-8", "ISO-2022-JP")) {
            List<LintFinding> findings = lint(charset, "お客様" + invisible + "各位\n");

            assertThat(findings).as(charset).hasSize(1).allMatch(LintFinding::isError);
            assertThat(findings.get(0).where()).isEqualTo("notice.body.ftl, line 1, column 4");
            assertThat(findings.get(0).problem()).startsWith(String.format("U+%04X (", (int) invisible.charAt(0)))
                    .doesNotContain(invisible);
        }
    }

    @Test
    void bytesThatAreNotUtf8AreNamedByTheirLine() {
        JobFile job = LintJobs.job(dir, "UTF-8", LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY);
        LintJobs.writeTemplate(dir, "notice.body.ftl", "一行目\n二行目 ①\n".getBytes(Charset.forName("windows-31j")));

        List<LintFinding> findings = new NoticeLint(job).campaign();

        assertThat(findings).isNotEmpty().allMatch(LintFinding::isError)
                .allSatisfy(f -> assertThat(f.problem()).contains("U+FFFD", "not valid UTF-8"));
        assertThat(findings.get(0).where()).startsWith("notice.body.ftl, line 1");
    }

    @Test
    void linksAreWarningsUnlessTheirDomainIsAllowed() {
        JobFile job = LintJobs.job(dir, "UTF-8", LintJobs.GOOD_SUBJECT,
                LintJobs.GOOD_BODY + "詳細は https://www.dlmarket.example/news/ をご覧ください\n"
                        + "https://support.dlmarket.example/faq\nwww.evil.example/login\nHTTP://Phish.Example:8080/x\n",
                List.of("dlmarket.example"), null, new Hotline("0120-790-230", "9:30～18:30"));

        List<LintFinding> findings = new NoticeLint(job).campaign();

        assertThat(findings).noneMatch(LintFinding::isError).extracting(LintFinding::where)
                .containsExactly("notice.body.ftl, line 8", "notice.body.ftl, line 9");
        assertThat(findings.get(0).problem()).startsWith("link to evil.example:").contains("lint.allowedUrlDomains");
        assertThat(findings.get(1).problem()).startsWith("link to phish.example:");
    }

    @Test
    void theJobFilesOwnTextsAreCheckedLikeTemplates() {
        JobFile job = LintJobs.job(dir, "ISO-2022-JP", LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY, List.of(), null,
                new Hotline("0120-790-230", "①9:30～18:30"));

        assertThat(new NoticeLint(job).campaign()).extracting(LintFinding::toString).containsExactly(
                "job file, hotline.hours: U+2460 ① (CIRCLED DIGIT ONE) cannot be sent in ISO-2022-JP (not in JIS X 0208)");
    }

    @Test
    void theProjectsOwnTemplatesAreCleanInBothCharsets() {
        for (String charset : List.of("UTF-8", "ISO-2022-JP")) {
            JobFile example = LintJobs.job(dir, charset, LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY);
            JobFile real = new JobFile(example.path(), example.sha256(), example.campaign(), example.input(),
                    example.sender(), java.util.Map.of("card", "card-leak", "form", "fake-form-only"),
                    new Hotline("0120-790-230", "9:30~18:30(土・日・祝祭日を含む)"), example.managementCode(),
                    Path.of("templates").toAbsolutePath(), example.zone(), example.retry(), example.throttle(), null,
                    charset, null, List.of());

            assertThat(new NoticeLint(real).campaign()).as(charset).isEmpty();
        }
    }
}
