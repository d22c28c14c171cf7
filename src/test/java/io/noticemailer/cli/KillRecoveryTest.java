package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * The real application in a child JVM, killed with SIGKILL at seeded random points over a few thousand
 * recipients (one kill during the import, the others while sending), then run to the end: nobody is lost,
 * nobody gets two messages unless the operator resent an UNKNOWN delivery, and each kill leaves at most the
 * messages in flight (two claimed chunks: one being recorded, one being sent) UNKNOWN. No human step is needed in between: each run recovers
 * the dead run's job execution by itself.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KillRecoveryTest {

    private static final long SEED = 20181225L;
    private static final int CUSTOMERS = 2000;
    private static final int CHUNK = 20;
    private static final int KILLS_WHILE_SENDING = 3;

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
        cli.close();
        relay.close();
    }

    @Test
    void givenRunsKilledAtRandomPointsWhenRunToTheEndThenNobodyIsLostAndOnlyUnknownMayBeDuplicated() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "kill-random")
                .withCustomers(CUSTOMERS, i -> "k" + i + "@example" + (i % 7) + ".jp")
                .withJobSettings("throttle: {messagesPerSecond: 5000, connections: 4}");
        Random random = new Random(SEED);
        List<Integer> killPoints = IntStream.range(0, KILLS_WHILE_SENDING)
                .map(k -> (k * CUSTOMERS / KILLS_WHILE_SENDING) + 50 + random.nextInt(CUSTOMERS / KILLS_WHILE_SENDING - 100))
                .boxed().toList();

        killDuringImport(job);
        for (int killAt : killPoints) {
            killWhenDelivered(job, killAt);
        }
        CliHarness.Result last = cli.run("run", job.jobFile());

        int unknown = count(job, "UNKNOWN");
        assertThat(last.exitCode()).as(last.err()).isEqualTo(unknown > 0 ? ExitCodes.NEEDS_OPERATOR : ExitCodes.DONE);
        assertThat(count(job, "SENT") + unknown).as("every customer is SENT or UNKNOWN").isEqualTo(CUSTOMERS);
        assertThat(unknown).as("at most the messages in flight (two claimed chunks) per kill")
                .isLessThanOrEqualTo(KILLS_WHILE_SENDING * 2 * CHUNK);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE STATUS IN ('STARTING', 'STARTED')",
                Integer.class)).as("every killed run's execution was recovered").isZero();

        CliHarness.Result resend = cli.run("resend", job.jobFile(), "--unknown");
        assertThat(resend.exitCode()).isZero();
        assertThat(resend.out()).contains(unknown + " UNKNOWN deliveries");
        if (unknown > 0) {
            assertThat(resend.out()).contains("may already have the first message");
        }
        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        Map<String, Integer> received = new HashMap<>();
        relay.delivered().forEach(address -> received.merge(address, 1, Integer::sum));
        assertThat(received).as("zero lost").hasSize(CUSTOMERS);
        long duplicated = received.values().stream().filter(n -> n > 1).count();
        assertThat(received.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(duplicated).as("duplicates only among the UNKNOWN that were resent").isLessThanOrEqualTo(unknown);
    }

    private void killDuringImport(CampaignWorkspace job) throws Exception {
        Process child = ChildProcess.start(temp.resolve("import-kill.log"), arguments(job));
        try {
            ChildRuns.awaitWhileAlive(() -> deliveries(job) > 0, child, "the import started");
        } finally {
            ChildRuns.kill(child);
        }
        assertThat(relay.delivered()).as("killed before sending").isEmpty();
    }

    private void killWhenDelivered(CampaignWorkspace job, int deliveredAtLeast) throws Exception {
        Process child = ChildProcess.start(temp.resolve("kill-" + deliveredAtLeast + ".log"), arguments(job));
        try {
            ChildRuns.awaitWhileAlive(() -> relay.delivered().size() >= deliveredAtLeast, child,
                    deliveredAtLeast + " messages were delivered");
        } finally {
            ChildRuns.kill(child);
        }
    }

    private List<String> arguments(CampaignWorkspace job) {
        return ChildRuns.runArguments(job, database, relay.port(), "--notice-mailer.send.chunk-size=" + CHUNK);
    }

    private int deliveries(CampaignWorkspace job) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ?", Integer.class, job.campaign());
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }
}
