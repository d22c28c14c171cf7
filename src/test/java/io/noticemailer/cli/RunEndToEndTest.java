package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The example campaign through the real CLI, a real MariaDB ledger and a real SMTP server (GreenMail). */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunEndToEndTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeAll
    void startApplication(DataSourceProps database) {
        cli = new CliHarness(database, CliHarness.smtp(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopApplication() {
        cli.close();
    }

    @BeforeEach
    void emptyMailboxes() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void givenTheExampleJobWhenRunThenEveryValidCustomerGetsOneMailAndTheInvalidRowIsRecorded() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-example");

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).as(result.err()).isZero();
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(CampaignWorkspace.EXAMPLE_VALID);
        assertThat(statusCount(job, "SENT")).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        assertThat(statusCount(job, "INVALID")).isEqualTo(1);
        assertThat(cli.jdbc().queryForObject("SELECT reason FROM delivery WHERE campaign_id = ? AND status = 'INVALID'",
                String.class, job.campaign())).contains("line 8", "メールアドレス");
        assertThat(result.out()).contains("SENT", String.valueOf(CampaignWorkspace.EXAMPLE_VALID));
    }

    @Test
    void givenASentCampaignWhenRunAgainThenNothingIsSentTwice() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-rerun");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        CliHarness.Result second = cli.run("run", job.jobFile());

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(CampaignWorkspace.EXAMPLE_VALID);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ?", Integer.class, job.campaign())).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
    }

    @Test
    void givenEachMessageThenSubjectEndsWithTheCustomersCodeAndRecipientIsTheLedgerAddress() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-codes");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        Map<String, String> codeByAddress = new java.util.HashMap<>();
        cli.jdbc().query("SELECT email, management_code FROM delivery WHERE campaign_id = ? AND status = 'SENT'",
                rs -> {
                    codeByAddress.put(rs.getString(1), rs.getString(2));
                }, job.campaign());
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String to = to(message);
            assertThat(codeByAddress).containsKey(to);
            assertThat(message.getSubject()).endsWith(codeByAddress.get(to));
            assertThat(message.getMessageID()).endsWith("@dlmarket.example>");
        }
        assertThat(codeByAddress).containsKeys("taro..yamada@docomo.example", "hanako.@ezweb.example");
    }

    @Test
    void givenALimitWhenRunThenItStopsWithWorkLeftAndTheRerunFinishesWithoutDuplicates() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-limit");

        CliHarness.Result first = cli.run("run", job.jobFile(), "--limit", "4");
        assertThat(first.exitCode()).as(first.err()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(smtp.getReceivedMessages()).hasSize(4);

        CliHarness.Result second = cli.run("run", job.jobFile());
        assertThat(second.exitCode()).as(second.err()).isZero();
        List<String> recipients = Arrays.stream(smtp.getReceivedMessages()).map(this::to).toList();
        assertThat(recipients).hasSize(CampaignWorkspace.EXAMPLE_VALID).doesNotHaveDuplicates();
    }

    @Test
    void givenTheInputChangedAfterTheFirstRunWhenRunThenItExits65AndSendsNothing() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-changed");
        assertThat(cli.run("run", job.jobFile(), "--limit", "2").exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        job.appendInputLine("10000199,追加 太郎,late@example.com,card,");

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(result.err()).contains("affected.csv", "differs");
        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void givenDuplicateAndMissingCustomerIdsThenEachLineEndsAsADeliveryOrARejectedLine() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-rejected").withInput(
                "会員ID,氏名,メールアドレス,区分,決済日時",
                "1,髙橋 一郎,ichiro@example.com,card,2018/10/18 09:12",
                "1,髙橋 二郎,jiro@example.com,card,2018/10/18 09:13",
                ",名無し 太郎,nanashi@example.com,form,",
                "2,山﨑 花子,hanako@example.com,form,");

        CliHarness.Result run = cli.run("run", job.jobFile());
        CliHarness.Result status = cli.run("status", job.jobFile(), "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = JsonMapper.builder().build().readTree(status.out());
        assertThat(json.get("campaign").asString()).isEqualTo(job.campaign());
        assertThat(json.get("total").asInt()).isEqualTo(2);
        assertThat(json.get("rejectedLines").asInt()).isEqualTo(2);
        assertThat(json.get("statuses").get("SENT").asInt()).isEqualTo(2);
        assertThat(json.get("cohorts").get("card").get("SENT").asInt()).isEqualTo(1);
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(this::to)).containsExactlyInAnyOrder(
                "ichiro@example.com", "hanako@example.com");
    }

    @Test
    void givenAnOutboxWhenRunThenEachMessageIsAnEmlFileRecordedAsSent() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-outbox");
        Path outbox = temp.resolve("outbox");

        CliHarness.Result result = cli.run("run", job.jobFile(), "--outbox", outbox.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        try (var files = Files.list(outbox)) {
            assertThat(files.filter(f -> f.toString().endsWith(".eml")).count()).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(statusCount(job, "SENT")).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = 'SENT'"
                + " AND last_reply_code = 250 AND message_id IS NOT NULL AND sent_at IS NOT NULL", Integer.class,
                job.campaign())).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
    }

    @Test
    void givenABrokenTemplateWhenRunThenItExits2BeforeAnyMailOrLedgerRow() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-badtemplate");
        job.editTemplate("fake-form-only.body.ftl", "${hotline.phone}", "${hotline.fax}");

        CliHarness.Result result = cli.run("run", job.jobFile());

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.err()).contains("fake-form-only.body.ftl", "hotline.fax");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ?", Integer.class,
                job.campaign())).isZero();
    }

    @Test
    void givenADryRunThenEveryMessageIsComposedAndNothingIsSentOrRecorded() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "e2e-dryrun");

        CliHarness.Result result = cli.run("run", job.jobFile(), "--dry-run");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(CampaignWorkspace.EXAMPLE_VALID + " messages rendered and composed");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM campaign WHERE id = ?", Integer.class, job.campaign())).isZero();
    }

    private int statusCount(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?",
                Integer.class, job.campaign(), status);
    }

    private String to(MimeMessage message) {
        try {
            // Raw header: Jakarta Mail's parser refuses the legacy carrier forms that the product must send.
            return message.getHeader("To", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
