package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/** validate, preview, status and the usage errors, on a real MariaDB, with no SMTP relay configured. */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InspectionCommandsTest {

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeAll
    void startApplication(DataSourceProps database) {
        cli = new CliHarness(database, Map.of());
    }

    @AfterAll
    void stopApplication() {
        cli.close();
    }

    @Test
    void givenTheExampleWhenValidatedThenTheBadRowIsListedWithLineAndFieldAndTheCampaignCanRun() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-validate");

        CliHarness.Result result = cli.run("validate", job.jobFile());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("line 8, field メールアドレス", "windows-31j", "OK");
        assertThat(result.out()).doesNotContain("nakamura");
    }

    @Test
    void givenATemplateWithAMissingVariableWhenValidatedThenItExits2NamingTemplateAndVariable() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-badtemplate");
        job.editTemplate("card-leak.body.ftl", "${hotline.hours}", "${hotline.open}");

        CliHarness.Result result = cli.run("validate", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.out()).contains("card-leak.body.ftl", "hotline.open");
    }

    @Test
    void givenAnInputThatIsNotTextWhenValidatedThenItExits65NamingTheLine() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-binary");
        java.nio.file.Files.write(job.input(), new byte[] {'a', ',', 'b', '\r', '\n', (byte) 0x81, (byte) 0x20, '\r', '\n'});

        CliHarness.Result result = cli.run("validate", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("affected.csv");
    }

    @Test
    void givenANotYetImportedCustomerWhenPreviewedThenTheWireMessageIsPrintedWithASampleCode() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-preview");

        CliHarness.Result result = cli.run("preview", job.jobFile(), "--customer", "10000101");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("sample");
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(result.out().getBytes(StandardCharsets.US_ASCII)));
        assertThat(message.getSubject()).matches(".*DL-[0-9A-Z]{4}-[0-9A-Z]{4}");
        assertThat((String) message.getContent()).contains("髙橋 一郎 様", "0120-790-230");
        assertThat(message.getHeader("Date", null)).contains("+0900");
    }

    @Test
    void givenAnUnknownCustomerWhenPreviewedThenItExits2() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-nocustomer");

        CliHarness.Result result = cli.run("preview", job.jobFile(), "--customer", "nobody");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("nobody");
    }

    @Test
    void givenNoRelayAndNoOutboxWhenRunThenItRefusesWithExit2() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-norelay");

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("SPRING_MAIL_HOST", "--outbox");
    }

    @Test
    void givenAJobFileWithAnUnknownKeyWhenRunThenItExits2NamingFileAndKey() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-badjob");
        java.nio.file.Files.writeString(Path.of(job.jobFile()), "colour: blue\n", java.nio.file.StandardOpenOption.APPEND);

        CliHarness.Result result = cli.run("run", job.jobFile(), "--outbox", temp.resolve("out").toString());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("job.yml", "colour");
    }

    @Test
    void givenAnUnknownOptionThenItExits2WithUsage() {
        CliHarness.Result result = cli.run("run", "jobs/x.yml", "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("Unknown option");
    }

    @Test
    void givenHelpOnEveryCommandThenEachPrintsItsUsageAndExits0() {
        for (String command : new String[] {"run", "status", "validate", "preview"}) {
            CliHarness.Result result = cli.run(command, "--help");
            assertThat(result.exitCode()).isZero();
            assertThat(result.out()).contains("Usage: notice-mailer " + command);
        }
    }

    @Test
    void givenAnEmptyCampaignWhenStatusThenAllCountsAreZero() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "inspect-status");

        CliHarness.Result result = cli.run("status", job.jobFile());

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("0 deliveries", "PENDING");
    }
}
