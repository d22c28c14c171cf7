package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.SendEvents;
import io.noticemailer.smtp.ScriptedSmtpServer;
import io.noticemailer.support.DataSourceProps;
import io.noticemailer.support.MariaDbTest;

/**
 * What the progress display and the metrics get from the parallel send path: one {@code attempted} per
 * recorded attempt with the recipient's domain (never the address), and {@code throttled} whenever a worker
 * waited for its turn.
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendEventsRunTest {

    private record Attempted(DeliveryStatus status, String domain, Duration latency) {
    }

    private final List<Attempted> attempted = new CopyOnWriteArrayList<>();
    private final List<String> throttledDomains = new CopyOnWriteArrayList<>();
    private final List<Duration> throttledWaits = new CopyOnWriteArrayList<>();

    @TempDir
    Path temp;

    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start().failRecipient("e5@example.com", "550 5.1.1 unknown user");
        SendEvents recording = new SendEvents() {
            @Override
            public void attempted(DeliveryOutcome outcome, String domain, Duration latency) {
                attempted.add(new Attempted(outcome.status(), domain, latency));
            }

            @Override
            public void throttled(String domain, Duration waited) {
                throttledDomains.add(domain);
                throttledWaits.add(waited);
            }
        };
        cli = new CliHarness(database.asArguments(), CliHarness.smtp(relay.port()), Map.of("recordingSendEvents", recording));
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenAParallelRunThenEachAttemptIsReportedWithItsDomainAndEachThrottleWaitWithItsLength() {
        CampaignWorkspace job = CampaignWorkspace.of(temp, "events")
                .withCustomers(24, i -> i <= 4 ? "d" + i + "@DoCoMo.ne.jp" : "e" + i + "@example.com")
                .withJobSettings("throttle: {messagesPerSecond: 500, connections: 4}");

        assertThat(cli.run("run", job.jobFile()).exitCode()).isZero();

        assertThat(attempted).hasSize(24);
        assertThat(attempted).filteredOn(a -> a.domain().equals("docomo.ne.jp")).hasSize(4);
        assertThat(attempted).extracting(Attempted::domain).allMatch(d -> !d.contains("@"));
        assertThat(attempted).filteredOn(a -> a.status() == DeliveryStatus.FAILED).hasSize(1);
        assertThat(attempted).filteredOn(a -> a.status() == DeliveryStatus.SENT)
                .allSatisfy(a -> assertThat(a.latency()).isPositive());
        assertThat(throttledDomains).as("docomo.ne.jp goes at 2 messages a second, one connection").contains("docomo.ne.jp");
        assertThat(throttledWaits).allSatisfy(wait -> assertThat(wait).isPositive());
    }
}
