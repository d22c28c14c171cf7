package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.message.DkimTestKey;
import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example campaign in ISO-2022-JP with DKIM, EHLO and envelope sender from the job file, through the real
 * CLI, a real MariaDB ledger and a scripted SMTP server that records the wire; and the lint stopping a run.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JapaneseMailEndToEndTest {

    private static final String FROM_LINE = "  from: \"ディー・エル・マーケット株式会社 <support@dlmarket.example>\"\n";

    @TempDir
    Path temp;

    private ScriptedSmtpServer server;
    private CliHarness cli;
    private DkimTestKey key;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        server = ScriptedSmtpServer.start();
        cli = new CliHarness(database, CliHarness.smtp(server.port()));
        key = DkimTestKey.generate();
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        server.close();
    }

    private CampaignWorkspace isoJobWithDkim(String campaign) throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve(campaign), campaign);
        Path keyFile = key.writePrivateKey(job.root().resolve("jobs"));
        Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        return job.editJob(FROM_LINE, FROM_LINE + "  envelopeFrom: bounce@dlmarket.example\n  ehlo: mail.dlmarket.example\n")
                .editJob("zone: Asia/Tokyo\n", "zone: Asia/Tokyo\ncharset: ISO-2022-JP\n"
                        + "dkim: {domain: dlmarket.example, selector: nm2018, privateKeyFile: " + keyFile.getFileName() + "}\n");
    }

    @Test
    void givenAnIso2022JpJobWhenRunThenJisNoticesAndUtf8FallbacksAllVerifyAndTheLedgerSaysWhichIsWhich() throws Exception {
        CampaignWorkspace job = isoJobWithDkim("jp-iso-run");
        int before = server.messages().size();
        int commandsBefore = server.commands().size();

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<byte[]> received = server.messages().subList(before, server.messages().size());
        assertThat(received).hasSize(CampaignWorkspace.EXAMPLE_VALID);
        Map<String, String> charsetByCustomer = new HashMap<>();
        Map<String, String> codeByAddress = new HashMap<>();
        cli.jdbc().query("SELECT customer_id, mail_charset, email, management_code FROM delivery WHERE campaign_id = ?"
                + " AND status = 'SENT'", rs -> {
                    charsetByCustomer.put(rs.getString(1), rs.getString(2));
                    codeByAddress.put(rs.getString(3), rs.getString(4));
                }, job.campaign());
        // 髙橋 and 山﨑 are not in JIS X 0208: their notices went out in UTF-8, everyone else's in ISO-2022-JP
        assertThat(charsetByCustomer).containsEntry("10000101", "UTF-8").containsEntry("10000102", "UTF-8")
                .containsEntry("10000103", "ISO-2022-JP").containsEntry("10000112", "ISO-2022-JP");
        assertThat(charsetByCustomer.values()).filteredOn("ISO-2022-JP"::equals).hasSize(CampaignWorkspace.EXAMPLE_VALID - 2);
        for (byte[] wire : received) {
            assertThat(key.verify(wire)).hasSize(1);
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire));
            String to = message.getHeader("To")[0];
            assertThat(message.getSubject()).endsWith(codeByAddress.get(to));
            assertThat(new String(wire, StandardCharsets.US_ASCII)).doesNotContainIgnoringCase("x-windows");
            boolean utf8 = ((String) message.getContent()).contains("髙橋") || ((String) message.getContent()).contains("山﨑");
            assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=" + (utf8 ? "UTF-8" : "ISO-2022-JP"));
        }
        List<String> commands = server.commands().subList(commandsBefore, server.commands().size());
        assertThat(commands).contains("EHLO mail.dlmarket.example", "MAIL FROM:<bounce@dlmarket.example>",
                "RCPT TO:<taro..yamada@docomo.example>", "RCPT TO:<hanako.@ezweb.example>",
                "RCPT TO:<.sato-ken@ezweb.example>", "RCPT TO:<Naoki.Kato@Example.NET>");
        assertThat(codeByAddress).containsKeys("taro..yamada@docomo.example", "Naoki.Kato@Example.NET");

        JsonNode status = JsonMapper.builder().build().readTree(cli.run("status", job.jobFile(), "--json").out());
        assertThat(status.get("charsets").get("ISO-2022-JP").asLong()).isEqualTo(CampaignWorkspace.EXAMPLE_VALID - 2);
        assertThat(status.get("charsets").get("UTF-8").asLong()).isEqualTo(2);
        assertThat(cli.run("status", job.jobFile()).out()).contains("sent as: ISO-2022-JP 9 UTF-8 2");
    }

    @Test
    void givenAnIso2022JpJobWithDkimThenTestSendPutsTheRunsSignedJisMessageOnTheWireWithTheJobsEhlo() throws Exception {
        CampaignWorkspace job = isoJobWithDkim("jp-iso-test-send");
        int before = server.messages().size();
        int commandsBefore = server.commands().size();

        CliHarness.Result result = cli.run("test-send", job.jobFile(), "--to", "qa-phone@dlmarket.example", "--cohort", "card");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<byte[]> received = server.messages().subList(before, server.messages().size());
        assertThat(received).hasSize(1);
        byte[] wire = received.get(0);
        assertThat(key.verify(wire)).as("signed with the job's DKIM key").hasSize(1);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire));
        assertThat(message.getContentType()).isEqualToIgnoringCase("text/plain; charset=ISO-2022-JP");
        assertThat(message.getHeader("Content-Transfer-Encoding")[0]).isEqualTo("7bit");
        assertThat(message.getSubject()).startsWith("[TEST] ").matches("(?s).*DL-[0-9A-Z]{4}-[0-9A-Z]{4}$");
        assertThat((String) message.getContent()).contains("[氏名] 様").doesNotContain("髙橋");
        assertThat(server.commands().subList(commandsBefore, server.commands().size()))
                .contains("EHLO mail.dlmarket.example", "MAIL FROM:<bounce@dlmarket.example>", "RCPT TO:<qa-phone@dlmarket.example>");
    }

    @Test
    void givenAnIso2022JpJobWhenValidatedThenNamesThatFallBackAreWarnedAndTheDkimRecordIsShown() throws Exception {
        CampaignWorkspace job = isoJobWithDkim("jp-iso-validate");

        CliHarness.Result result = cli.run("validate", job.jobFile());

        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains(
                "WARNING  input line 2, field 氏名: U+9AD9 髙 (CJK UNIFIED IDEOGRAPHS 9AD9) cannot be sent in ISO-2022-JP",
                "this customer's notice will go out in UTF-8",
                "WARNING  input line 3, field 氏名: U+FA11 﨑",
                "NOTE     DKIM: every message is signed with d=dlmarket.example s=nm2018 (2048-bit RSA); publish this"
                        + " TXT record at nm2018._domainkey.dlmarket.example: " + key.txtRecord(),
                "OK: the campaign can run");
        assertThat(result.out()).doesNotContain("sender.ehlo");
    }

    @Test
    void givenATemplateCharacterJisCannotCarryWhenRunThenItExits2BeforeAnyMail() throws Exception {
        CampaignWorkspace job = isoJobWithDkim("jp-iso-lint");
        job.editTemplate("card-leak.body.ftl", "■流出した可能性のある期間", "①流出した可能性のある期間");
        int connections = server.connections();

        CliHarness.Result run = cli.run("run", job.jobFile());
        CliHarness.Result validate = cli.run("validate", job.jobFile());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("template lint: 1 error, nothing sent",
                "card-leak.body.ftl, line 24, column 1: U+2460 ① (CIRCLED DIGIT ONE) cannot be sent in ISO-2022-JP");
        assertThat(server.connections()).isEqualTo(connections);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ?", Integer.class,
                job.campaign())).isZero();
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(validate.out()).contains("ERROR    card-leak.body.ftl, line 24, column 1: U+2460");
    }

    @Test
    void givenAZeroWidthSpaceInAUtf8TemplateWhenValidatedThenItIsAnError() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("jp-zw"), "jp-zw");
        job.editTemplate("fake-form-only.subject.ftl", "お詫びとお知らせ", "お詫び\u200Bとお知らせ");

        CliHarness.Result result = cli.run("validate", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("ERROR    fake-form-only.subject.ftl, line 1, column ", "U+200B (ZERO WIDTH SPACE)");
    }

    @Test
    void givenAnInputThatIsNeitherUtf8NorWindows31jWhenRunThenItExits65NamingTheLineOfTheFirstBadByte() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("jp-bad-bytes"), "jp-bad-bytes");
        byte[] good = "会員ID,氏名,メールアドレス,区分\r\n1,山田,a@example.jp,card\r\n2,".getBytes(CampaignWorkspace.WINDOWS_31J);
        byte[] bad = {(byte) 0xA0};
        byte[] rest = ",b@example.jp,card\r\n".getBytes(CampaignWorkspace.WINDOWS_31J);
        Files.write(job.input(), concat(good, bad, rest));

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("affected.csv: line 3: byte 0xA0 is not valid windows-31j");
    }

    @Test
    void givenExcelUnicodeTextWhenRunThenTheTabSeparatedUtf16IsReadExactly() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("jp-utf16"), "jp-utf16");
        String text = "会員ID\t氏名\tメールアドレス\t区分\r\n1\t𠮷田 ①子\thanako.@ezweb.example\tform\r\n";
        Files.write(job.input(), concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
        int before = server.messages().size();

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).as(result.err()).isZero();
        byte[] wire = server.messages().get(before);
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(wire));
        assertThat((String) message.getContent()).contains("𠮷田 ①子 様");
        assertThat(message.getHeader("To")).containsExactly("hanako.@ezweb.example");
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
