package io.noticemailer.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.campaign.DkimSpec;
import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.JobFile;
import io.noticemailer.message.DkimTestKey;
import io.noticemailer.render.RenderedNotice;

/** The lint of rendered notices, customers' values, the DKIM key and the EHLO name. */
class NoticeLintRenderedTest {

    private static final String CODE = "DL-7K3M-Q9XA";

    @TempDir
    Path dir;

    private NoticeLint lint(String charset) {
        return new NoticeLint(LintJobs.job(dir, charset, LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY));
    }

    @Test
    void aShortSubjectEndingWithTheCodeHasNoFindings() {
        assertThat(lint("UTF-8").rendered("notice", new RenderedNotice("ご案内 " + CODE, "本文\n"), CODE)).isEmpty();
    }

    @Test
    void aSubjectPhonesCutOffIsAWarningWhenTheCodeIsAlsoAtTheTopOfTheBody() {
        String subject = "【重要】DLmarketにおけるカード情報流出に関するお詫びとお知らせ　管理コード：" + CODE;

        List<LintFinding> findings = lint("UTF-8").rendered("notice",
                new RenderedNotice(subject, "管理コード：" + CODE + "\n\n本文\n"), CODE);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.isError()).isFalse();
            assertThat(f.where()).isEqualTo("notice.subject.ftl");
            assertThat(f.problem()).contains("columns wide", "40", "management code");
        });
    }

    @Test
    void aSubjectPhonesCutOffIsAnErrorWhenTheCodeIsNotAtTheTopOfTheBody() {
        String subject = "【重要】DLmarketにおけるカード情報流出に関するお詫びとお知らせ " + CODE;
        String body = "一\n二\n三\n四\n五\n管理コード：" + CODE + "\n";

        List<LintFinding> findings = lint("ISO-2022-JP").rendered("notice", new RenderedNotice(subject, body), CODE);

        assertThat(findings).filteredOn(LintFinding::isError).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("notice.body.ftl: the subject is long enough")
                        .contains("first 5 lines"));
    }

    @Test
    void subjectWidthCountsFullWidthAsTwoColumnsAndHalfWidthAsOne() {
        assertThat(RenderedLint.columns("ab")).isEqualTo(2);
        assertThat(RenderedLint.columns("ご案内")).isEqualTo(6);
        assertThat(RenderedLint.columns("ｶﾀｶﾅ")).isEqualTo(4);
        assertThat(RenderedLint.columns("𠮷")).isEqualTo(2);
    }

    @Test
    void aBodyLineOver998OctetsAfterEncodingIsAnErrorCountingJisEscapes() {
        // 200 × "あa": 800 octets in UTF-8, but 1800 in ISO-2022-JP (ESC $ B, 2 octets, ESC ( B, "a" each time)
        String mixed = "あa".repeat(200);

        List<LintFinding> jis = lint("ISO-2022-JP").rendered("notice", new RenderedNotice("ご案内 " + CODE,
                "一行目\n" + mixed + "\n"), CODE);
        List<LintFinding> utf8 = lint("UTF-8").rendered("notice", new RenderedNotice("ご案内 " + CODE,
                "一行目\n" + mixed + "\n"), CODE);

        assertThat(jis).singleElement().satisfies(f -> {
            assertThat(f.isError()).isTrue();
            assertThat(f.toString()).startsWith("notice.body.ftl: rendered body line 2 is 1800 octets in ISO-2022-JP")
                    .contains("998", "500 Line Too Long");
        });
        assertThat(utf8).as("800 octets in UTF-8").isEmpty();
    }

    @Test
    void aCustomersValueJisCannotCarryIsAWarningNamingLineFieldAndCharacter() {
        List<LintFinding> findings = lint("ISO-2022-JP").value(7, "氏名", "髙橋 ｶｽﾞｵ");

        assertThat(findings).noneMatch(LintFinding::isError).extracting(LintFinding::where).containsOnly("input line 7, field 氏名");
        assertThat(findings.get(0).problem()).startsWith("U+9AD9 髙").endsWith("this customer's notice will go out in UTF-8");
        assertThat(findings).hasSize(5); // 髙 and the four half-width ｶ ｽ ﾞ ｵ
    }

    @Test
    void aCustomersValueIsCheckedForFeaturePhoneRisksInvisibleCharactersAndLinksInUtf8() {
        assertThat(lint("UTF-8").value(3, "氏名", "髙橋 𠮷男")).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("U+20BB7 𠮷"));
        assertThat(lint("UTF-8").value(3, "備考", "a\u200Bb")).singleElement()
                .satisfies(f -> assertThat(f.isError()).isFalse());
        assertThat(lint("UTF-8").value(3, "備考", "http://phish.example/")).singleElement()
                .satisfies(f -> assertThat(f.problem()).startsWith("link to phish.example"));
        assertThat(lint("UTF-8").value(3, "氏名", "髙橋 﨑子 ①")).isEmpty();
    }

    @Test
    void anUnusableDkimKeyIsAnErrorAndAKeyOthersCanReadIsAWarning() throws Exception {
        Path garbage = Files.writeString(dir.resolve("bad.key"), "not a key");
        JobFile bad = LintJobs.job(dir, "UTF-8", LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY, List.of(),
                new DkimSpec("dlmarket.example", "nm2018", garbage), new Hotline("0120-790-230", "9:30～18:30"));
        Path key = DkimTestKey.generate().writePrivateKey(dir);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        JobFile readable = LintJobs.job(dir, "UTF-8", LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY, List.of(),
                new DkimSpec("dlmarket.example", "nm2018", key), new Hotline("0120-790-230", "9:30～18:30"));

        assertThat(new NoticeLint(bad).campaign()).filteredOn(LintFinding::isError).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("job file, dkim.privateKeyFile:").contains("PKCS#8"));
        assertThat(new NoticeLint(readable).campaign()).singleElement()
                .satisfies(f -> assertThat(f.problem()).contains("can be read by other accounts", "chmod 600"));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertThat(new NoticeLint(readable).campaign()).isEmpty();
    }

    @Test
    void givenAMissingDkimKeyFile_whenLinted_thenOneErrorNamesItAndNoPermissionWarningIsAdded() {
        JobFile missing = LintJobs.job(dir, "UTF-8", LintJobs.GOOD_SUBJECT, LintJobs.GOOD_BODY, List.of(),
                new DkimSpec("dlmarket.example", "nm2018", dir.resolve("absent.key")), new Hotline("0120-790-230", "9:30～18:30"));

        assertThat(new NoticeLint(missing).campaign()).singleElement()
                .satisfies(f -> assertThat(f.isError()).isTrue())
                .satisfies(f -> assertThat(f.toString()).startsWith("job file, dkim.privateKeyFile:").contains("absent.key"));
    }

    @Test
    void anUnnamedEhloIsAWarningUnlessTheSmtpSettingsNameIt() {
        assertThat(lint("UTF-8").ehlo(Map.of())).singleElement()
                .satisfies(f -> assertThat(f.toString()).startsWith("job file, sender.ehlo: not set"));
        assertThat(lint("UTF-8").ehlo(Map.of("mail.smtp.localhost", "mail.dlmarket.example"))).isEmpty();
    }
}
