package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * report, evidence and unreached on a real MariaDB ledger filled by a real run of the example campaign
 * against a scripted relay that rejects one recipient for good (550), one for now (450) and drops the
 * connection after one message's body (UNKNOWN).
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatingCommandsTest {

    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;
    private CampaignWorkspace job;
    private Map<String, String> emailByCustomer;

    @BeforeAll
    void runTheExampleCampaign(DataSourceProps database, @TempDir Path workspace) throws Exception {
        relay = ScriptedSmtpServer.start()
                .failRecipient("yamazaki@example.jp", "550 5.1.1 <yamazaki@example.jp>: Recipient address rejected")
                .failRecipient("satoko@example.net", "450 4.2.0 <satoko@example.net>: mailbox busy, try later")
                .dropAfterData(5);
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
        job = CampaignWorkspace.of(workspace, "operate-example");
        CliHarness.Result run = cli.run("run", job.jobFile());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        emailByCustomer = cli.jdbc().query("SELECT customer_id, email FROM delivery WHERE campaign_id = ?",
                (rs, n) -> Map.entry(rs.getString(1), rs.getString(2)), job.campaign()).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenARunWhenReportedAsCsvThenItIsUtf8WithBomOneRowPerCustomerWithTheLedgersValuesAndMaskedAddresses()
            throws Exception {
        Path file = temp.resolve("report.csv");

        CliHarness.Result result = cli.run("report", job.jobFile(), "--format", "csv", "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = CsvFiles.read(file, StandardCharsets.UTF_8);
        assertThat(rows).hasSize(CampaignWorkspace.EXAMPLE_CUSTOMERS);
        Map<String, CSVRecord> byCustomer = rows.stream().collect(Collectors.toMap(r -> r.get("customer_id"), r -> r));
        assertThat(byCustomer.get("10000102").get("status")).isEqualTo("FAILED");
        assertThat(byCustomer.get("10000102").get("last_reply")).startsWith("550 5.1.1 ").contains("y***@example.jp");
        assertThat(byCustomer.get("10000102").get("address")).isEqualTo("y***@example.jp");
        assertThat(byCustomer.get("10000111").get("status")).isEqualTo("DEFERRED");
        assertThat(byCustomer.get("10000111").get("next_attempt_at")).endsWith("+09:00");
        assertThat(byCustomer.get("10000107").get("status")).isEqualTo("INVALID");
        assertThat(byCustomer.get("10000107").get("reason")).contains("line 8");
        CSVRecord sent = byCustomer.get("10000101");
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("attempts")).isEqualTo("1");
        assertThat(sent.get("management_code")).isEqualTo(code("10000101"));
        assertThat(sent.get("message_id")).endsWith("@dlmarket.example>");
        assertThat(sent.get("sent_at")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+09:00");
        assertThat(rows.stream().filter(r -> r.get("status").equals("UNKNOWN"))).hasSize(1);
        assertNoAddressIn(new String(bytes, StandardCharsets.UTF_8));
    }

    @Test
    void givenWindows31jWhenReportedThenTheFileReadsBackInWindows31jToTheSameRowsAsUtf8() throws Exception {
        Path utf8 = temp.resolve("utf8.csv");
        Path sjis = temp.resolve("sjis.csv");
        assertThat(cli.run("report", job.jobFile(), "--format", "csv", "--out", utf8.toString()).exitCode()).isZero();

        CliHarness.Result result = cli.run("report", job.jobFile(), "--format", "csv", "--encoding", "windows-31j",
                "--out", sjis.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readAllBytes(sjis)[0]).isEqualTo((byte) 'c');
        List<List<String>> expected = CsvFiles.read(utf8, StandardCharsets.UTF_8).stream().map(CSVRecord::toList).toList();
        List<List<String>> actual = CsvFiles.read(sjis, WINDOWS_31J).stream().map(CSVRecord::toList).toList();
        assertThat(actual).isEqualTo(expected);
        assertThat(actual.stream().flatMap(List::stream).anyMatch(v -> v.contains("メールアドレス"))).isTrue();
    }

    @Test
    void givenNoOutFileThenTheCsvGoesToStdoutAndWindows31jIsRefused() {
        CliHarness.Result stdout = cli.run("report", job.jobFile(), "--format", "csv");
        CliHarness.Result refused = cli.run("report", job.jobFile(), "--format", "csv", "--encoding", "windows-31j");

        assertThat(stdout.exitCode()).isZero();
        assertThat(stdout.out()).startsWith("\uFEFFcustomer_id,address,cohort,management_code,status,attempts,last_reply,"
                + "message_id,");
        assertThat(CsvFiles.parse(stdout.out())).hasSize(CampaignWorkspace.EXAMPLE_CUSTOMERS);
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("--out");
    }

    @Test
    void givenARunWhenReportedAsJsonThenEveryDeliveryIsAnObjectWithTheContractFields() {
        CliHarness.Result result = cli.run("report", job.jobFile(), "--format", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(result.out());
        assertThat(json.get("campaign").asString()).isEqualTo(job.campaign());
        assertThat(json.get("zone").asString()).isEqualTo("Asia/Tokyo");
        JsonNode deliveries = json.get("deliveries");
        assertThat(deliveries.size()).isEqualTo(CampaignWorkspace.EXAMPLE_CUSTOMERS);
        JsonNode first = deliveries.get(0);
        assertThat(first.get("customerId").asString()).isEqualTo("10000101");
        assertThat(first.get("attempts").isNumber()).isTrue();
        assertThat(first.get("managementCode").asString()).isEqualTo(code("10000101"));
        assertThat(first.get("address").asString()).isEqualTo("k***@example.com");
        assertThat(first.get("nextAttemptAt").isNull()).isTrue();
        assertNoAddressIn(result.out());
    }

    @Test
    void givenARunWhenEvidenceIsWrittenThenSha256sumChecksEveryFileAndATamperedFileFails() throws Exception {
        Path dir = temp.resolve("evidence");

        CliHarness.Result result = cli.run("evidence", job.jobFile(), "--out", dir.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sha256sumCheck(dir)).isZero();
        List<String> listed = Files.readAllLines(dir.resolve("SHA-256SUMS")).stream().map(l -> l.substring(66)).toList();
        assertThat(listed).contains("deliveries.csv", "attempts.csv", "rejected-lines.csv", "manifest.json",
                "job/job.yml", "templates/card-leak.subject.ftl", "templates/card-leak.body.ftl",
                "templates/fake-form-only.body.ftl");
        assertThat(CsvFiles.read(dir.resolve("deliveries.csv"), StandardCharsets.UTF_8)).hasSize(CampaignWorkspace.EXAMPLE_CUSTOMERS);
        assertThat(CsvFiles.read(dir.resolve("attempts.csv"), StandardCharsets.UTF_8)).hasSize(cli.jdbc().queryForObject(
                "SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.campaign_id = ?",
                Integer.class, job.campaign()));
        for (Path file : files(dir)) {
            assertNoAddressIn(Files.readString(file));
        }

        Files.writeString(dir.resolve("deliveries.csv"), "\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(sha256sumCheck(dir)).isNotZero();
    }

    @Test
    void givenARunThenTheManifestHasTheFingerprintsSettingsWithoutSecretsRunsAndCounts() throws Exception {
        Path dir = temp.resolve("manifest");
        assertThat(cli.run("evidence", job.jobFile(), "--out", dir.toString()).exitCode()).isZero();

        JsonNode manifest = JsonMapper.builder().build().readTree(Files.readString(dir.resolve("manifest.json")));

        String inputSha = cli.jdbc().queryForObject("SELECT input_sha256 FROM campaign WHERE id = ?", String.class,
                job.campaign());
        assertThat(manifest.get("input").get("sha256").asString()).isEqualTo(inputSha).isEqualTo(sha256(job.input()));
        assertThat(manifest.get("jobFile").get("sha256").asString()).isEqualTo(sha256(Path.of(job.jobFile())));
        assertThat(manifest.get("jobFile").get("unchangedSinceLastRun").asBoolean()).isTrue();
        JsonNode subject = manifest.get("templates").get("card-leak.subject.ftl");
        assertThat(subject.get("sha256").asString()).isEqualTo(sha256(job.root().resolve("templates/card-leak.subject.ftl")));
        assertThat(subject.get("unchangedSinceLastRun").asBoolean()).isTrue();
        assertThat(manifest.get("software").get("version").asString()).startsWith("notice-mailer");
        JsonNode runtime = manifest.get("configuration").get("runtime");
        assertThat(runtime.get("spring.mail.port").asInt()).isEqualTo(relay.port());
        assertThat(manifest.toString()).doesNotContain(passwordOf(cli));
        assertThat(manifest.get("runs").get("executions").get(0).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(manifest.get("runs").get("lastRunStart").asString()).endsWith("Z");
        assertThat(manifest.get("counts").get("statuses").get("SENT").asInt()).isEqualTo(8);
        assertThat(manifest.get("counts").get("statuses").get("UNKNOWN").asInt()).isEqualTo(1);
    }

    @Test
    void givenAFolderThatIsNotEmptyThenEvidenceRefusesToWriteInto() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("used"));
        Files.writeString(dir.resolve("old.txt"), "earlier package");

        CliHarness.Result result = cli.run("evidence", job.jobFile(), "--out", dir.toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("not empty");
    }

    @Test
    void givenARunWhenTheUnreachedListIsWrittenThenItHasTheFailedAndInvalidWithNamesInAnOwnerOnlyFile() throws Exception {
        Path file = temp.resolve("unreached.csv");

        CliHarness.Result result = cli.run("unreached", job.jobFile(), "--out", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        List<CSVRecord> rows = CsvFiles.read(file, StandardCharsets.UTF_8);
        assertThat(rows).extracting(r -> r.get("customer_id")).containsExactly("10000102", "10000107");
        CSVRecord failed = rows.get(0);
        assertThat(failed.get("name")).isEqualTo("山﨑 美和");
        assertThat(failed.get("email")).isEqualTo("yamazaki@example.jp");
        assertThat(failed.get("status")).isEqualTo("FAILED");
        assertThat(failed.get("reason")).contains("550");
        assertThat(failed.get("決済日時")).isEqualTo("2018/10/25 14:03");
        assertThat(rows.get(1).get("email")).isEqualTo("nakamura＠example.com");
        assertThat(rows.get(1).get("reason")).contains("line 8", "メールアドレス");
        assertThat(result.out()).contains("2 unreached").doesNotContain("山﨑").doesNotContain("yamazaki");
        assertThat(result.err()).doesNotContain("山﨑").doesNotContain("yamazaki");

        Path sjis = temp.resolve("unreached-sjis.csv");
        assertThat(cli.run("unreached", job.jobFile(), "--out", sjis.toString(), "--encoding", "windows-31j").exitCode())
                .isZero();
        assertThat(CsvFiles.read(sjis, WINDOWS_31J).stream().map(CSVRecord::toList).toList())
                .isEqualTo(rows.stream().map(CSVRecord::toList).toList());
    }

    @Test
    void givenANameWindows31jCannotHoldThenItIsWrittenAsItsCodePointAndTheCommandSaysSo() throws Exception {
        CampaignWorkspace kanji = CampaignWorkspace.of(temp.resolve("kanji"), "operate-kanji");
        Files.writeString(kanji.input(), "会員ID,氏名,メールアドレス,区分,決済日時\r\n"
                + "1,𠮷田 太郎,yoshida-at-example.com,card,\r\n"
                + "2,髙橋 一郎,=1+2,card,\r\n", StandardCharsets.UTF_8);
        assertThat(cli.run("run", kanji.jobFile(), "--outbox", temp.resolve("kanji-outbox").toString()).exitCode()).isZero();
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = 'INVALID'",
                Integer.class, kanji.campaign())).isEqualTo(2);
        Path utf8 = temp.resolve("kanji-utf8.csv");
        Path sjis = temp.resolve("kanji-sjis.csv");

        CliHarness.Result keep = cli.run("unreached", kanji.jobFile(), "--out", utf8.toString());
        CliHarness.Result replace = cli.run("unreached", kanji.jobFile(), "--out", sjis.toString(), "--encoding", "windows-31j");

        assertThat(keep.exitCode()).isZero();
        assertThat(keep.err()).isEmpty();
        assertThat(CsvFiles.read(utf8, StandardCharsets.UTF_8).get(0).get("name")).isEqualTo("𠮷田 太郎");
        assertThat(replace.exitCode()).isZero();
        List<CSVRecord> rows = CsvFiles.read(sjis, WINDOWS_31J);
        assertThat(rows.get(0).get("name")).isEqualTo("[U+20BB7]田 太郎");
        assertThat(rows.get(1).get("name")).isEqualTo("髙橋 一郎");
        assertThat(rows.get(1).get("email")).as("a value Excel would run as a formula").isEqualTo("'=1+2");
        assertThat(replace.err()).contains("1 characters that windows-31j cannot hold", "[U+XXXX]", "customer 1");
    }

    private String code(String customerId) {
        return cli.jdbc().queryForObject("SELECT management_code FROM delivery WHERE campaign_id = ? AND customer_id = ?",
                String.class, job.campaign(), customerId);
    }

    private void assertNoAddressIn(String text) {
        for (String email : emailByCustomer.values()) {
            assertThat(text).as("full address in output").doesNotContain(email);
        }
        assertThat(text).doesNotContain("髙橋").doesNotContain("山﨑");
    }

    private static int sha256sumCheck(Path dir) throws Exception {
        Process check = new ProcessBuilder("sha256sum", "-c", "--quiet", "SHA-256SUMS").directory(dir.toFile())
                .redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        return check.waitFor();
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(file)));
    }

    private static String passwordOf(CliHarness cli) {
        return cli.environment().getProperty("spring.datasource.password");
    }

    static String freshValidCode() {
        return new io.noticemailer.code.ManagementCodes(new SecureRandom()).generate("DL");
    }
}
