package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * A run that dies between claiming and recording: the real application in a child JVM is killed with
 * SIGKILL while the relay holds a message after its final ".", and the next run must not send those again.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryTest {

    private static final int CHUNK = 3;

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    @TempDir
    Path temp;

    private DataSourceProps database;
    private CliHarness cli;

    @BeforeAll
    void startApplication(DataSourceProps database) {
        this.database = database;
        cli = new CliHarness(database, CliHarness.smtp(smtp.getSmtp().getPort()));
    }

    @AfterAll
    void stopApplication() {
        cli.close();
    }

    @Test
    void givenARunKilledAfterClaimingWhenRunAgainThenTheClaimedDeliveriesAreUnknownAndNotResent() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "crash-kill");
        try (ScriptedSmtpServer hanging = ScriptedSmtpServer.start().hangAfterData(2)) {
            Process child = ChildProcess.start(temp.resolve("child.log"), childArguments(job, hanging.port()));
            try {
                awaitTrue(() -> hanging.messages().size() >= 1 && count(job, "SENDING") == CHUNK, child);
            } finally {
                child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        assertThat(count(job, "SENDING")).isEqualTo(CHUNK);

        CliHarness.Result rerun = cli.run("run", job.jobFile());

        assertThat(rerun.exitCode()).as(rerun.err()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertThat(rerun.out()).contains(CHUNK + " deliveries left in flight by a dead run are now UNKNOWN");
        assertThat(count(job, "UNKNOWN")).isEqualTo(CHUNK);
        assertThat(count(job, "SENT")).isEqualTo(CampaignWorkspace.EXAMPLE_VALID - CHUNK);
        List<String> unknown = cli.jdbc().queryForList("SELECT email FROM delivery WHERE campaign_id = ? AND status = 'UNKNOWN'",
                String.class, job.campaign());
        List<String> resent = Arrays.stream(smtp.getReceivedMessages()).map(CrashRecoveryTest::to).toList();
        assertThat(resent).hasSize(CampaignWorkspace.EXAMPLE_VALID - CHUNK).doesNotContainAnyElementsOf(unknown);
        assertThat(cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
                + " WHERE d.campaign_id = ? AND a.outcome = 'UNKNOWN'", Integer.class, job.campaign())).isEqualTo(CHUNK);

        CliHarness.Result third = cli.run("run", job.jobFile());
        assertThat(third.exitCode()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertThat(smtp.getReceivedMessages()).hasSize(CampaignWorkspace.EXAMPLE_VALID - CHUNK);
    }

    @Test
    void givenTheRelayDownWhenRunThenItFailsWithExit1AndTheRerunRestartsTheSameJobAndFinishes() throws Exception {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "crash-relaydown");
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Process child = ChildProcess.start(temp.resolve("down.log"), childArguments(job, closedPort));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(temp.resolve("down.log"))).isEqualTo(ExitCodes.FAILED);
        assertThat(Files.readString(temp.resolve("down.log"))).contains("could not be reached");
        assertThat(count(job, "SENDING")).isZero();
        assertThat(count(job, "SENT")).isZero();
        int received = smtp.getReceivedMessages().length;

        CliHarness.Result rerun = cli.run("run", job.jobFile());

        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(smtp.getReceivedMessages().length - received).isEqualTo(CampaignWorkspace.EXAMPLE_VALID);
        JdbcTemplate jdbc = cli.jdbc();
        assertThat(jdbc.queryForList("SELECT e.STATUS FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p"
                + " ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID WHERE p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?"
                + " ORDER BY e.JOB_EXECUTION_ID", String.class, job.campaign())).containsExactly("FAILED", "COMPLETED");
        assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT e.JOB_INSTANCE_ID) FROM BATCH_JOB_EXECUTION e"
                + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
                + " WHERE p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ?", Integer.class, job.campaign())).isEqualTo(1);
    }

    private List<String> childArguments(CampaignWorkspace job, int smtpPort) {
        List<String> args = new ArrayList<>(List.of("run", job.jobFile()));
        args.addAll(database.asArguments());
        args.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.timeout=120000", "--spring.mail.properties.mail.smtp.connectiontimeout=2000",
                "--notice-mailer.send.chunk-size=" + CHUNK));
        return args;
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }

    private static void awaitTrue(BooleanSupplier condition, Process child) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (!condition.getAsBoolean()) {
            assertThat(child.isAlive()).as("the child run ended before it could be killed").isTrue();
            assertThat(Instant.now()).as("waiting for the child run to claim and hang").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    private static String to(MimeMessage message) {
        try {
            return message.getHeader("To", null);
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
