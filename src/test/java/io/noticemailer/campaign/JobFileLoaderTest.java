package io.noticemailer.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobFileLoaderTest {

    private static final Path EXAMPLE_JOB = Path.of("jobs/dlmarket-2018-12.yml");

    @TempDir
    Path root;

    private final JobFileLoader loader = new JobFileLoader();
    private final JobFiles jobs = new JobFiles();

    @BeforeEach
    void createTemplates() throws IOException {
        jobs.createTemplates(root);
    }

    @Test
    void exampleJobLoadsWithTheRightValues() throws Exception {
        Path job = Files.createDirectories(root.resolve("jobs")).resolve("dlmarket-2018-12.yml");
        Files.copy(EXAMPLE_JOB, job);

        JobFile loaded = loader.load(job);

        assertThat(loaded.path()).isEqualTo(job.toAbsolutePath().normalize());
        assertThat(loaded.sha256()).isEqualTo(sha256(Files.readAllBytes(job)));
        assertThat(loaded.campaign()).isEqualTo("dlmarket-2018-12");
        assertThat(loaded.input().file()).isEqualTo(root.resolve("jobs/dlmarket-2018-12-affected.csv").toAbsolutePath());
        assertThat(loaded.input().encoding()).isEqualTo("auto");
        assertThat(loaded.input().columns())
                .isEqualTo(new InputSpec.Columns("会員ID", "氏名", "メールアドレス", "区分", null));
        assertThat(loaded.sender()).isEqualTo(new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example"));
        assertThat(loaded.cohorts()).containsExactly(
                entry("card", "card-leak"),
                entry("form", "fake-form-only"));
        assertThat(loaded.hotline()).isEqualTo(new Hotline("0120-790-230", "9:30~18:30(土・日・祝祭日を含む)"));
        assertThat(loaded.managementCode()).isEqualTo(new ManagementCodeSpec("DL", null));
        assertThat(loaded.templates()).isEqualTo(root.resolve("templates").toAbsolutePath());
        assertThat(loaded.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    }

    @Test
    void leftOutOptionalKeysTakeTheirDefaults() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL));

        assertThat(loaded.input().file()).isNull();
        assertThat(loaded.input().encoding()).isEqualTo("auto");
        assertThat(loaded.templates()).isEqualTo(root.resolve("templates").toAbsolutePath());
        assertThat(loaded.zone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        assertThat(loaded.retry()).isEqualTo(RetryPolicy.defaults());
        assertThat(loaded.throttle()).isEqualTo(ThrottleSpec.defaults());
        assertThat(loaded.sendWindow()).isNull();
    }

    @Test
    void optionalSectionsAreReadWhenGiven() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL + """
                zone: Europe/Paris
                retry: {minBackoff: 30s, maxBackoff: PT2H, lifetime: 5d}
                throttle:
                  messagesPerSecond: 2.5
                  domains: {DoCoMo.ne.jp: {messagesPerSecond: 2, connections: 2, messagesPerConnection: 50}}
                sendWindow: {from: "9:00", to: "20:30"}
                """));

        assertThat(loaded.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(loaded.retry())
                .isEqualTo(new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(2), Duration.ofDays(5)));
        assertThat(loaded.throttle().messagesPerSecond()).isEqualTo(2.5);
        assertThat(loaded.throttle().connections()).isEqualTo(ThrottleSpec.defaults().connections());
        assertThat(loaded.throttle().domains())
                .containsExactly(entry("docomo.ne.jp", new ThrottleSpec.DomainLimit(2, 2, 50)));
        assertThat(loaded.sendWindow()).isEqualTo(new SendWindow(LocalTime.of(9, 0), LocalTime.of(20, 30), java.time.ZoneId.of("Europe/Paris")));
    }

    @Test
    void domainLimitWithOnlyARateTakesOneConnectionOfAHundredMessages() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL + """
                throttle: {domains: {ezweb.ne.jp: {messagesPerSecond: 1}}}
                """));

        assertThat(loaded.throttle().domains().get("ezweb.ne.jp")).isEqualTo(new ThrottleSpec.DomainLimit(1, 1, 100));
    }

    @Test
    void encodingIsAcceptedInAnyCaseAndStoredInCanonicalForm() {
        assertThat(loadWithEncoding("utf-8").input().encoding()).isEqualTo("UTF-8");
        assertThat(loadWithEncoding("WINDOWS-31J").input().encoding()).isEqualTo("windows-31j");
        assertThat(loadWithEncoding("Auto").input().encoding()).isEqualTo("auto");
    }

    @Test
    void inputFileIsResolvedAgainstTheJobFilesFolder() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL.replace("input:\n", "input:\n  file: ../data/in.csv\n")));

        assertThat(loaded.input().file()).isEqualTo(root.resolve("data/in.csv").toAbsolutePath());
    }

    @Test
    void bareSenderAddressHasAnEmptyDisplayName() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL
                .replace("\"ディー・エル・マーケット株式会社 <support@dlmarket.example>\"", "support@dlmarket.example")));

        assertThat(loaded.sender()).isEqualTo(new Sender("", "support@dlmarket.example"));
    }

    @Test
    void codeColumnReplacesThePrefixAndIsGivenToTheInputColumns() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL.replace("{prefix: DL}", "{column: 管理番号}")));

        assertThat(loaded.managementCode()).isEqualTo(new ManagementCodeSpec(null, "管理番号"));
        assertThat(loaded.input().columns().managementCode()).isEqualTo("管理番号");
    }

    @Test
    void codeColumnInTheInputColumnsMakesTheCodeSectionOptional() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL
                .replace("cohort: 区分}", "cohort: 区分, managementCode: 管理番号}")
                .replace("managementCode: {prefix: DL}\n", "")));

        assertThat(loaded.managementCode()).isEqualTo(new ManagementCodeSpec(null, "管理番号"));
    }

    @Test
    void numericCohortValueIsKeptAsWritten() {
        JobFile loaded = loader.load(jobs.write(root, JobFiles.MINIMAL.replace("  card: card-leak", "  01: card-leak")));

        assertThat(loaded.templateFor("01")).isEqualTo("card-leak");
    }

    private JobFile loadWithEncoding(String encoding) {
        return loader.load(jobs.write(root, JobFiles.MINIMAL.replace("input:\n", "input:\n  encoding: " + encoding + "\n")));
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
