package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbServer;

/**
 * The ledger's database dies, or drops every connection, in the middle of a run of the real application (a
 * child JVM) on a MariaDB of this test's own: the run fails cleanly or carries on, never hangs, and a rerun
 * completes with nobody lost and nobody mailed twice; what is in doubt is at most the chunk in flight.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseLossTest {

    private static final int CUSTOMERS = 200;
    private static final int CHUNK = 10;
    private static final int LOSS_AT_MESSAGE = 30;

    @TempDir
    Path temp;

    private MariaDbServer mariadb;
    private DataSourceProps database;
    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start() throws Exception {
        mariadb = MariaDbServer.fromEnvironment(Map.of("PATH", System.getenv().getOrDefault("PATH", "")));
        database = mariadb.newDatabase("database_loss");
        relay = ScriptedSmtpServer.start().delayAfterData(Duration.ofMillis(5));
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
        mariadb.close();
    }

    @Test
    void givenTheDatabaseKilledMidRunThenTheRunFailsWithExit1AndTheRerunCompletesWithoutLossOrDuplicate() throws Exception {
        CampaignWorkspace job = campaign("db-killed");
        relay.onMessage(received -> {
            if (received == LOSS_AT_MESSAGE) {
                mariadb.kill();
            }
        });
        Path log = temp.resolve("killed.log");

        Process child = ChildProcess.start(log, arguments(job));

        assertThat(ChildRuns.exitCode(child, log)).as(Files.readString(log)).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(log)).as("one line for the operator, no stack trace")
                .contains("notice-mailer: the ledger database failed: ").doesNotContain("\tat ");
        relay.onMessage(received -> { });
        mariadb.restart();
        assertRerunCompletes(job);
    }

    @Test
    void givenEveryDatabaseConnectionDroppedMidRunThenTheRunFailsCleanlyOrCarriesOnAndTheRerunCompletes() throws Exception {
        CampaignWorkspace job = campaign("db-dropped");
        int deliveredBefore = relay.delivered().size();
        relay.onMessage(received -> {
            if (received == deliveredBefore + LOSS_AT_MESSAGE) {
                dropAllConnections();
            }
        });
        Path log = temp.resolve("dropped.log");

        Process child = ChildProcess.start(log, arguments(job));

        assertThat(ChildRuns.exitCode(child, log)).as(Files.readString(log)).isIn(ExitCodes.DONE, ExitCodes.FAILED,
                ExitCodes.NEEDS_OPERATOR);
        relay.onMessage(received -> { });
        assertRerunCompletes(job);
    }

    private void assertRerunCompletes(CampaignWorkspace job) {
        CliHarness.Result rerun = cli.run("run", job.jobFile());

        int unknown = count(job, "UNKNOWN");
        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(unknown > 0 ? ExitCodes.NEEDS_OPERATOR : ExitCodes.DONE);
        assertThat(count(job, "SENT") + unknown).as("nobody lost").isEqualTo(CUSTOMERS);
        assertThat(unknown).as("at most the chunks in flight: one being recorded, one being sent").isLessThanOrEqualTo(2 * CHUNK);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    private CampaignWorkspace campaign(String name) {
        return CampaignWorkspace.of(temp.resolve(name), name)
                .withCustomers(CUSTOMERS, i -> name + "-" + i + "@example.jp")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 2}");
    }

    private List<String> arguments(CampaignWorkspace job) {
        return ChildRuns.runArguments(job, database, relay.port(), "--notice-mailer.send.chunk-size=" + CHUNK,
                "--spring.datasource.hikari.connection-timeout=1000");
    }

    /** As a network failure would: every session of the test user on the server is killed. */
    private void dropAllConnections() {
        try (Connection admin = DriverManager.getConnection(database.url(), database.username(), database.password());
             Statement statement = admin.createStatement()) {
            List<Long> sessions = new ArrayList<>();
            try (var rs = statement.executeQuery("SELECT ID FROM information_schema.PROCESSLIST"
                    + " WHERE USER = '" + database.username() + "' AND ID <> CONNECTION_ID()")) {
                while (rs.next()) {
                    sessions.add(rs.getLong(1));
                }
            }
            for (long session : sessions) {
                statement.execute("KILL CONNECTION " + session);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test user's connections", e);
        }
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }
}
