package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * A relay-level problem stops the campaign with exit 1 and a clear reason instead of failing customers:
 * nobody ends FAILED, and once the relay is fixed a rerun sends everyone exactly once.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayBreakerRunTest {

    private static final int CUSTOMERS = 40;

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start();
        cli = new CliHarness(database.asArguments(), Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", relay.port(),
                "spring.mail.username", "notices", "spring.mail.password", "wrong-or-right",
                "spring.mail.properties.mail.smtp.timeout", "1000",
                "spring.mail.properties.mail.smtp.connectiontimeout", "1000"));
    }

    @AfterEach
    void healRelay() {
        relay.authentication(null).rejectEveryRecipient(null).silent(false);
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    private CampaignWorkspace campaign(String name) {
        String[] domains = {"example.com", "example.jp", "example.net", "example.org"};
        return CampaignWorkspace.of(temp.resolve(name), name)
                .withCustomers(CUSTOMERS, i -> name + "-" + i + "@" + domains[i % domains.length]);
    }

    @Test
    void givenTheRelayRefusesTheCredentialsThenTheRunStopsAtOnceAndNobodyFails() {
        CampaignWorkspace job = campaign("breaker-auth");
        relay.authentication("535 5.7.8 Authentication credentials invalid");

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("refused authentication", "535 5.7.8", "SPRING_MAIL_PASSWORD");
        assertThat(relay.commands().stream().filter(c -> c.startsWith("AUTH")).count())
                .as("no retry with a refused password; at most one try per worker").isLessThanOrEqualTo(4);
        assertNobodyFailedAndEveryoneIsDue(job);
        relay.authentication("235 2.7.0 Authentication successful");
        assertRerunSendsEveryoneOnce(job);
    }

    @Test
    void givenTheSamePolicyRejectionForEveryoneThenTheRunStopsAndTheRejectedAreDueAgain() {
        CampaignWorkspace job = campaign("breaker-policy");
        relay.rejectEveryRecipient("550 5.7.1 relaying denied for this client");

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("same policy reply", "550 5.7.1 relaying denied");
        assertNobodyFailedAndEveryoneIsDue(job);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ? AND a.outcome = 'REQUEUED'", Integer.class, job.campaign())).isGreaterThanOrEqualTo(5);
        relay.rejectEveryRecipient(null);
        assertRerunSendsEveryoneOnce(job);
    }

    @Test
    void givenTheSamePolicyRejectionForTheSameDeliveriesOnTheNextRunThenThoseAreFailedAndTheCampaignMovesOn() {
        CampaignWorkspace job = campaign("breaker-repeat");
        relay.rejectEveryRecipient("550 5.7.1 relaying denied for this client");
        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.FAILED);
        List<String> requeuedOnce = cli.jdbc().queryForList("SELECT customer_id FROM delivery WHERE campaign_id = ?"
                + " AND status = 'DEFERRED' ORDER BY id", String.class, job.campaign());

        CliHarness.Result again = cli.run("run", job.jobFile());

        assertThat(again.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(again.err()).contains("blamed on the relay for the same reply on an earlier run are FAILED");
        List<String> failed = cli.jdbc().queryForList("SELECT customer_id FROM delivery WHERE campaign_id = ?"
                + " AND status = 'FAILED' AND reason LIKE '%second time%' ORDER BY id", String.class, job.campaign());
        assertThat(failed).as("not requeued for ever").isNotEmpty().isSubsetOf(requeuedOnce);
        relay.rejectEveryRecipient(null);
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = 'SENT'",
                Integer.class, job.campaign())).isEqualTo(CUSTOMERS - failed.size());
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenARelayThatNeverAnswersThenTheRunStopsWhenTheTimeoutsShowItIsUnreachable() {
        CampaignWorkspace job = campaign("breaker-silent");
        relay.silent(true);

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(run.err()).contains("could not be reached", "timed out");
        assertNobodyFailedAndEveryoneIsDue(job);
        relay.silent(false);
        assertRerunSendsEveryoneOnce(job);
    }

    private void assertNobodyFailedAndEveryoneIsDue(CampaignWorkspace job) {
        assertThat(cli.jdbc().queryForList("SELECT DISTINCT status FROM delivery WHERE campaign_id = ?", String.class,
                job.campaign())).isSubsetOf("PENDING", "DEFERRED");
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND next_attempt_at IS NOT NULL",
                Integer.class, job.campaign())).as("all due at once on the next run").isZero();
    }

    private void assertRerunSendsEveryoneOnce(CampaignWorkspace job) {
        CliHarness.Result rerun = cli.run("run", job.jobFile());
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = 'SENT'",
                Integer.class, job.campaign())).isEqualTo(CUSTOMERS);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }
}
