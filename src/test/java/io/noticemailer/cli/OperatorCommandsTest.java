package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/** resend and retry-now: nothing is sent again without them, and each is written to the attempt history. */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorCommandsTest {

    private static final String DEFERRED_ADDRESS = "k.takahashi@example.com";
    private static final String FAILED_ADDRESS = "yamazaki@example.jp";
    private static final String FAILED_CUSTOMER = "10000102";

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start()
                .failRecipient(DEFERRED_ADDRESS, "450 4.2.1 mailbox busy, try later")
                .failRecipient(FAILED_ADDRESS, "550 5.1.1 unknown user");
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenATemporaryRejectionThenTheDeliveryWaitsForItsBackoffUntilRetryNowMakesItDue() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("retry"), "ops-retry-now");

        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(attempts(job, DEFERRED_ADDRESS)).as("not due again before its backoff").isEqualTo(1);
        assertThat(cli.jdbc().queryForObject("SELECT last_enhanced_code FROM delivery WHERE campaign_id = ? AND email = ?",
                String.class, job.campaign(), DEFERRED_ADDRESS)).isEqualTo("4.2.1");

        CliHarness.Result retry = cli.run("retry-now", job.jobFile());
        assertThat(retry.exitCode()).isZero();
        assertThat(retry.out()).contains("1 DEFERRED deliveries");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.WORK_LEFT);

        assertThat(attempts(job, DEFERRED_ADDRESS)).isEqualTo(2);
        assertThat(history(job, "RETRY_NOW")).isEqualTo(1);
    }

    @Test
    void givenAFailedDeliveryWhenResentForThatCustomerThenOnlyItIsTriedAgain() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("resend"), "ops-resend");
        cli.run("run", job.jobFile());
        assertThat(status(job, FAILED_ADDRESS)).isEqualTo("FAILED");
        int receivedBefore = relay.messages().size();

        CliHarness.Result resend = cli.run("resend", job.jobFile(), "--failed", "--customer", FAILED_CUSTOMER, "nobody");

        assertThat(resend.exitCode()).isZero();
        assertThat(resend.out()).contains("1 FAILED deliveries");
        assertThat(resend.err()).contains("1 of the 2 customers given were not FAILED");
        assertThat(status(job, FAILED_ADDRESS)).isEqualTo("PENDING");
        cli.run("run", job.jobFile());
        assertThat(attempts(job, FAILED_ADDRESS)).isEqualTo(2);
        assertThat(history(job, "RESEND")).isEqualTo(1);
        assertThat(relay.messages()).hasSize(receivedBefore);
    }

    @Test
    void givenResendWithoutWhichDeliveriesThenItIsAUsageError() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("usage"), "ops-usage");

        assertThat(cli.run("resend", job.jobFile()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.run("resend", job.jobFile(), "--failed", "--unknown").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    private int attempts(CampaignWorkspace job, String email) {
        return cli.jdbc().queryForObject("SELECT attempts FROM delivery WHERE campaign_id = ? AND email = ?", Integer.class,
                job.campaign(), email);
    }

    private String status(CampaignWorkspace job, String email) {
        return cli.jdbc().queryForObject("SELECT status FROM delivery WHERE campaign_id = ? AND email = ?", String.class,
                job.campaign(), email);
    }

    private int history(CampaignWorkspace job, String outcome) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ? AND a.outcome = ?", Integer.class, job.campaign(), outcome);
    }
}
