package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * The real application in child JVMs on MariaDB: SIGTERM stops a run gracefully (in-flight messages
 * finished and recorded, no UNKNOWN, exit 75), also before the lock and after the send (the CONTRACT's code,
 * never 143), and of two runs started at once exactly one sends while the other exits 3 without touching
 * anything, its metrics file and progress line included.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StopSignalAndLockTest {

    @TempDir
    Path temp;

    private DataSourceProps database;
    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        this.database = database;
        relay = ScriptedSmtpServer.start();
        cli = new CliHarness(database, CliHarness.smtp(relay.port()));
    }

    @AfterAll
    void stop() throws Exception {
        relay.pause(false);
        cli.close();
        relay.close();
    }

    @Test
    void givenSigtermWhileSendingThenInFlightMessagesAreRecordedNothingIsUnknownAndTheRunExits75() throws Exception {
        relay.delayAfterData(Duration.ofMillis(30));
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("term"), "signal-term")
                .withCustomers(400, i -> "s" + i + "@example.jp")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: 4}");
        Path log = temp.resolve("term.log");
        Process child = ChildProcess.start(log, ChildRuns.runArguments(job, database, relay.port(),
                "--notice-mailer.send.chunk-size=20"));
        ChildRuns.awaitWhileAlive(() -> delivered(job) >= 40, child, "40 messages were delivered");

        child.destroy(); // SIGTERM

        assertThat(ChildRuns.exitCode(child, log)).as(Files.readString(log)).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(Files.readString(log)).contains("stopped early: SIGTERM received");
        assertThat(count(job, "UNKNOWN") + count(job, "SENDING")).as("nothing in doubt").isZero();
        assertThat(count(job, "SENT")).as("every message handed over is recorded").isEqualTo(delivered(job));
        assertThat(count(job, "PENDING")).isPositive();
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);

        relay.delayAfterData(Duration.ZERO);
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();
        assertThat(delivered(job)).isEqualTo(400);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenTwoRunsStartedAtOnceThenExactlyOneSendsAndTheOtherExits3TouchingNothing() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("twice"), "single-runner");
        relay.pause(true); // the run that gets the lock waits at its first MAIL
        Path firstLog = temp.resolve("first.log");
        Path secondLog = temp.resolve("second.log");
        Process first = ChildProcess.start(firstLog, ChildRuns.runArguments(job, database, relay.port()));
        Process second = ChildProcess.start(secondLog, ChildRuns.runArguments(job, database, relay.port()));

        Process loser = awaitFirstToEnd(first, second);
        Process winner = loser == first ? second : first;
        Path loserLog = loser == first ? firstLog : secondLog;
        assertThat(loser.exitValue()).as(Files.readString(loserLog)).isEqualTo(ExitCodes.LOCKED);
        assertThat(Files.readString(loserLog)).contains("another run of campaign single-runner is in progress");

        ChildRuns.awaitWhileAlive(() -> count(job, "SENDING") > 0, winner, "the winner claimed its first chunk");
        List<Map<String, Object>> before = snapshot(job);
        CliHarness.Result third = cli.run("run", job.jobFile());
        assertThat(third.exitCode()).isEqualTo(ExitCodes.LOCKED);
        assertThat(snapshot(job)).as("the locked-out run touched nothing").isEqualTo(before);

        relay.pause(false);
        Path winnerLog = winner == first ? firstLog : secondLog;
        assertThat(ChildRuns.exitCode(winner, winnerLog)).as(Files.readString(winnerLog)).isZero();
        assertThat(delivered(job)).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenARunHoldsTheLockThenASecondRunExits3WithoutWritingItsMetricsFileOrAProgressLine() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("metrics"), "locked-metrics")
                .withCustomers(12, i -> "metrics" + i + "@example.jp");
        relay.pause(true);
        Path winnerLog = temp.resolve("metrics-winner.log");
        Process winner = ChildProcess.start(winnerLog, ChildRuns.runArguments(job, database, relay.port()));
        ChildRuns.awaitWhileAlive(() -> count(job, "SENDING") > 0, winner, "the winner claimed its first chunk");
        Path metrics = temp.resolve("metrics/run.prom");
        Path loserLog = temp.resolve("metrics-loser.log");

        Process loser = ChildProcess.start(loserLog, ChildRuns.runArguments(job, database, relay.port(),
                "--metrics-file", metrics.toString(), "--progress", "log"));

        assertThat(ChildRuns.exitCode(loser, loserLog)).as(Files.readString(loserLog)).isEqualTo(ExitCodes.LOCKED);
        assertThat(metrics).as("the live run's metrics file is not the locked-out run's to write").doesNotExist();
        assertThat(Files.readString(loserLog)).doesNotContain("progress finished");
        relay.pause(false);
        assertThat(ChildRuns.exitCode(winner, winnerLog)).as(Files.readString(winnerLog)).isZero();
    }

    @Test
    void givenSigtermWhileTheInputIsReadBeforeTheLockThenTheRunStopsThereAndExits75() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("early"), "signal-early")
                .withCustomers(12, i -> "early" + i + "@example.jp");
        byte[] list = Files.readAllBytes(job.input());
        Path log = temp.resolve("early.log");
        try (NamedPipe input = NamedPipe.feeding(temp.resolve("early/affected.fifo"), list)) {
            Process child = ChildProcess.start(log, ChildRuns.runArguments(job, database, relay.port(),
                    "--input", temp.resolve("early/affected.fifo").toString()));
            input.awaitChild(); // the child is reading the input, before the lock

            child.destroy(); // SIGTERM
            input.release();

            assertThat(ChildRuns.exitCode(child, log)).as(Files.readString(log)).isEqualTo(ExitCodes.WORK_LEFT);
        }
        assertThat(Files.readString(log)).contains("stopped early: SIGTERM received before the run started");
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM campaign WHERE id = ?", Integer.class, job.campaign()))
                .as("nothing was done").isZero();
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();
    }

    @Test
    void givenSigtermWhileTheRunWritesItsLastMetricsThenItStillPrintsItsSummaryAndExitsWithItsOwnCode() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("late"), "signal-late")
                .withCustomers(12, i -> "late" + i + "@example.jp");
        Path metrics = temp.resolve("late/run.prom");
        Path log = temp.resolve("late.log");
        relay.pause(true); // so that the pipe is there before the run ends
        Process child = ChildProcess.start(log, ChildRuns.runArguments(job, database, relay.port(),
                "--metrics-file", metrics.toString(), "--notice-mailer.progress.metrics-interval=1h"));
        try (NamedPipe lastWrite = NamedPipe.draining(metrics.resolveSibling(".run.prom." + child.pid() + ".tmp"))) {
            relay.pause(false);
            lastWrite.awaitChild(); // every message sent and recorded; the run is closing its metrics

            child.destroy(); // SIGTERM
            lastWrite.release();

            assertThat(ChildRuns.exitCode(child, log)).as(Files.readString(log)).isZero();
        }
        assertThat(Files.readString(log)).contains("campaign signal-late: 12 deliveries");
        assertThat(count(job, "SENT")).isEqualTo(12);
    }

    private static Process awaitFirstToEnd(Process a, Process b) throws InterruptedException {
        while (a.isAlive() && b.isAlive()) {
            Thread.sleep(20);
        }
        return a.isAlive() ? b : a;
    }

    /** Everything a run could change: the deliveries, their history, the campaign, the job repository. */
    private List<Map<String, Object>> snapshot(CampaignWorkspace job) {
        List<Map<String, Object>> rows = new java.util.ArrayList<>(cli.jdbc().queryForList(
                "SELECT * FROM delivery WHERE campaign_id = ? ORDER BY id", job.campaign()));
        rows.addAll(cli.jdbc().queryForList("SELECT * FROM campaign WHERE id = ?", job.campaign()));
        rows.add(cli.jdbc().queryForMap("SELECT (SELECT COUNT(*) FROM delivery_attempt) attempts,"
                + " (SELECT COUNT(*) FROM BATCH_JOB_EXECUTION) executions, (SELECT COUNT(*) FROM BATCH_STEP_EXECUTION) steps"));
        return rows;
    }

    /** Messages the relay kept for this campaign's customers (the relay is shared by the tests of this class). */
    private long delivered(CampaignWorkspace job) {
        java.util.Set<String> customers = new java.util.HashSet<>(cli.jdbc().queryForList(
                "SELECT LOWER(email) FROM delivery WHERE campaign_id = ?", String.class, job.campaign()));
        return relay.delivered().stream().filter(customers::contains).count();
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }
}
