package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * Several connections at once ({@code throttle.connections}), server-side session limits, and the per-domain
 * messages-per-connection limit, through the real CLI: every customer is sent exactly once.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelSendingTest {

    @TempDir
    Path temp;

    private DataSourceProps database;
    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void startApplication(DataSourceProps database) {
        this.database = database;
    }

    @BeforeEach
    void startRelay() throws Exception {
        relay = ScriptedSmtpServer.start();
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
    }

    @AfterEach
    void stopRelay() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenEightConnectionsThenEveryCustomerGetsExactlyOneMessageOverParallelSessions() {
        relay.delayAfterData(Duration.ofMillis(5));
        CampaignWorkspace job = CampaignWorkspace.of(temp, "parallel-eight")
                .withCustomers(300, i -> "p" + i + "@example" + (i % 5) + ".jp")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 8}");

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(count(job, "SENT")).isEqualTo(300);
        assertThat(relay.delivered()).hasSize(300).doesNotHaveDuplicates();
        assertThat(relay.mostSimultaneousSessions()).as("sessions open at once").isBetween(2, 8);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenAsManyConnectionsAsTheServerAllowsThenNoSessionIsRefused() {
        relay.maxConnections(2).delayAfterData(Duration.ofMillis(5));
        CampaignWorkspace job = CampaignWorkspace.of(temp, "parallel-two")
                .withCustomers(60, i -> "t" + i + "@example.com")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 2}");

        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        assertThat(relay.delivered()).hasSize(60).doesNotHaveDuplicates();
        assertThat(relay.mostSimultaneousSessions()).isEqualTo(2);
        assertThat(cli.jdbc().queryForObject("SELECT MAX(attempts) FROM delivery WHERE campaign_id = ?", Integer.class,
                job.campaign())).isEqualTo(1);
    }

    @Test
    void givenMoreConnectionsThanTheServerAllowsThenRefusedSessionsAreRetriedAndNobodyIsLostOrDuplicated() {
        relay.maxConnections(2).delayAfterData(Duration.ofMillis(5));
        CampaignWorkspace job = CampaignWorkspace.of(temp, "parallel-over")
                .withCustomers(60, i -> "o" + i + "@example.com")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 6}");

        int exit = cli.run("run", job.jobFile()).exitCode();

        assertThat(exit).isIn(ExitCodes.DONE, ExitCodes.WORK_LEFT);
        assertThat(cli.jdbc().queryForList("SELECT DISTINCT status FROM delivery WHERE campaign_id = ?", String.class,
                job.campaign())).as("refused sessions defer, never fail").isSubsetOf("SENT", "DEFERRED");
        assertThat(relay.delivered()).doesNotHaveDuplicates();
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenADomainLimitOfMessagesPerConnectionThenTheServersSessionLimitIsNeverHit() {
        relay.maxMessagesPerConnection(5);
        CampaignWorkspace job = CampaignWorkspace.of(temp, "parallel-per-connection")
                .withCustomers(40, i -> "m" + i + "@example.com")
                .withJobSettings("throttle:", "  messagesPerSecond: 1000",
                        "  domains: {example.com: {messagesPerSecond: 500, connections: 2, messagesPerConnection: 5}}");

        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        assertThat(relay.delivered()).hasSize(40).doesNotHaveDuplicates();
        assertThat(mailCommands()).as("no message needed a second try").isEqualTo(40);
        assertThat(relay.connections()).as("a new session after every 5 messages").isGreaterThanOrEqualTo(8);
    }

    @Test
    void givenTheServersSessionLimitWithoutOneOfOursThenIts421MovesTheMessageToANewConnection() {
        relay.maxMessagesPerConnection(5);
        CampaignWorkspace job = CampaignWorkspace.of(temp, "parallel-421")
                .withCustomers(40, i -> "n" + i + "@example.com")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 2}");

        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        assertThat(relay.delivered()).hasSize(40).doesNotHaveDuplicates();
        assertThat(mailCommands()).as("some MAIL commands were answered 421").isGreaterThan(40);
        assertThat(count(job, "SENT")).isEqualTo(40);
    }

    private long mailCommands() {
        return relay.commands().stream().filter(c -> c.startsWith("MAIL FROM")).count();
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }
}
