package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.FakeTime;
import io.noticemailer.support.MariaDbTest;

/**
 * The send window on an injected clock, through the real CLI: the window closes while messages are in
 * flight; those are finished and recorded, nothing else goes, the run exits 75; the next morning's run
 * sends the rest, each customer once.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendWindowRunTest {

    private static final int CUSTOMERS = 100;
    private static final int CONNECTIONS = 4;
    private static final int CLOSES_AT_MESSAGE = 5;

    @TempDir
    Path temp;

    private final FakeTime time = FakeTime.at("2026-12-03T10:59:00Z"); // 19:59 in Tokyo
    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start().delayAfterData(Duration.ofMillis(20)).onMessage(received -> {
            if (received == CLOSES_AT_MESSAGE) {
                time.set(Instant.parse("2026-12-03T11:00:00Z")); // 20:00 in Tokyo
            }
        });
        cli = new CliHarness(database.asArguments(), CliHarness.smtp(relay.port()), time);
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenTheWindowClosesMidRunThenInFlightMessagesAreRecordedNothingElseGoesAndTheNextDayFinishes() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "window-close")
                .withCustomers(CUSTOMERS, i -> "w" + i + "@example.jp")
                .withJobSettings("throttle: {messagesPerSecond: 1000, connections: " + CONNECTIONS + "}",
                        "sendWindow: {from: \"09:00\", to: \"20:00\"}");

        CliHarness.Result evening = cli.run("run", job.jobFile());

        assertThat(evening.exitCode()).as(evening.err()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(evening.out()).contains("stopped early: outside the send window 09:00-20:00 Asia/Tokyo (it is 20:00 there)");
        int sent = count(job, "SENT");
        assertThat(sent).as("every message in flight when the window closed is recorded").isEqualTo(relay.delivered().size());
        assertThat(sent).isBetween(CLOSES_AT_MESSAGE, CLOSES_AT_MESSAGE + CONNECTIONS - 1);
        assertThat(count(job, "PENDING")).isEqualTo(CUSTOMERS - sent);
        assertThat(count(job, "SENDING") + count(job, "UNKNOWN")).isZero();

        CliHarness.Result night = cli.run("run", job.jobFile());
        assertThat(night.exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        assertThat(relay.delivered()).as("nothing outside the window").hasSize(sent);

        time.set(Instant.parse("2026-12-04T00:00:00Z")); // 09:00 in Tokyo
        CliHarness.Result morning = cli.run("run", job.jobFile());

        assertThat(morning.exitCode()).as(morning.err()).isZero();
        assertThat(relay.delivered()).hasSize(CUSTOMERS).doesNotHaveDuplicates();
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    private int count(CampaignWorkspace job, String status) {
        return cli.jdbc().queryForObject("SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status = ?", Integer.class,
                job.campaign(), status);
    }
}
