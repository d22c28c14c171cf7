package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
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
 * Every reply code and connection fault of the table, through the real CLI against a scripted SMTP
 * server, on a fake clock: the outcome, the stored reply, the retry schedule, and that the ledger and the
 * server agree (no message twice, none kept for a delivery the ledger does not call SENT or UNKNOWN).
 */
@MariaDbTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReplyCodeOutcomesTest {

    private static final List<String> TABLE = List.of(
            "ok1@a.example", "ok2@b.example", "busy@rcpt450.example", "local@rcpt451.example", "full@rcpt452.example",
            "slow@rcpt454.example", "later@data451.example", "busy@data450.example", "full@data452.example",
            "slow@data454.example", "unknown@rcpt550.example", "filtered@data550.example",
            "bye@r421.example", "once@once421.example", "flaky@once451.example", "cut@dropdata.example",
            "doubt@dropafter.example", "silent@hangafter.example");

    @TempDir
    Path temp;

    private final FakeTime time = FakeTime.at("2026-12-03T01:00:00Z");
    private ScriptedSmtpServer relay;
    private CliHarness cli;

    @BeforeAll
    void start(DataSourceProps database) throws Exception {
        relay = ScriptedSmtpServer.start()
                .failRecipient("busy@rcpt450.example", "450 4.2.1 mailbox busy")
                .failRecipient("local@rcpt451.example", "451 4.3.0 local error in processing")
                .failRecipient("full@rcpt452.example", "452 4.2.2 mailbox full")
                .failRecipient("slow@rcpt454.example", "454 4.7.0 throttled, try again later")
                .replyAfterData("later@data451.example", "451 4.7.1 try again later")
                .replyAfterData("busy@data450.example", "450 4.2.1 mailbox busy")
                .replyAfterData("full@data452.example", "452 4.3.1 insufficient system storage")
                .replyAfterData("slow@data454.example", "454 4.7.0 throttled, try again later")
                .failRecipient("unknown@rcpt550.example", "550 5.1.1 <unknown@rcpt550.example>: unknown user")
                .replyAfterData("filtered@data550.example", "550 5.7.1 message content rejected")
                .failRecipient("bye@r421.example", "421 4.7.0 too busy, closing")
                .failRecipientOnce("once@once421.example", "421 4.7.0 too busy, closing")
                .failRecipientOnce("flaky@once451.example", "451 4.3.0 try later")
                .dropAtData("cut@dropdata.example")
                .dropAfterData("doubt@dropafter.example")
                .hangAfterData("silent@hangafter.example")
                .failRecipient("exp@expire.example", "450 4.2.1 mailbox busy");
        cli = new CliHarness(database.asArguments(), Map.of("spring.mail.host", "127.0.0.1", "spring.mail.port", relay.port(),
                "spring.mail.properties.mail.smtp.timeout", "1000",
                "spring.mail.properties.mail.smtp.connectiontimeout", "1000"), time);
    }

    @AfterAll
    void stop() throws Exception {
        cli.close();
        relay.close();
    }

    @Test
    void givenEachReplyOfTheTableThenItsOutcomeIsRecordedWithTheReplyAndTheServerAgrees() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("table"), "replies-table")
                .withCustomers(TABLE.size(), i -> TABLE.get(i - 1));

        CliHarness.Result run = cli.run("run", job.jobFile());

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertOutcome(job, "ok1@a.example", "SENT", 250, "2.0.0");
        assertOutcome(job, "busy@rcpt450.example", "DEFERRED", 450, "4.2.1");
        assertOutcome(job, "local@rcpt451.example", "DEFERRED", 451, "4.3.0");
        assertOutcome(job, "full@rcpt452.example", "DEFERRED", 452, "4.2.2");
        assertOutcome(job, "slow@rcpt454.example", "DEFERRED", 454, "4.7.0");
        assertOutcome(job, "later@data451.example", "DEFERRED", 451, "4.7.1");
        assertOutcome(job, "busy@data450.example", "DEFERRED", 450, "4.2.1");
        assertOutcome(job, "full@data452.example", "DEFERRED", 452, "4.3.1");
        assertOutcome(job, "slow@data454.example", "DEFERRED", 454, "4.7.0");
        assertOutcome(job, "unknown@rcpt550.example", "FAILED", 550, "5.1.1");
        assertOutcome(job, "filtered@data550.example", "FAILED", 550, "5.7.1");
        assertOutcome(job, "bye@r421.example", "DEFERRED", 421, "4.7.0");
        assertOutcome(job, "once@once421.example", "SENT", 250, "2.0.0");
        assertOutcome(job, "flaky@once451.example", "DEFERRED", 451, "4.3.0");
        assertOutcome(job, "cut@dropdata.example", "DEFERRED", null, null);
        assertOutcome(job, "doubt@dropafter.example", "UNKNOWN", null, null);
        assertOutcome(job, "silent@hangafter.example", "UNKNOWN", null, null);
        // The local part is masked wherever it stands on its own, even where it is also an ordinary word.
        assertThat(text(job, "unknown@rcpt550.example", "last_reply_text")).as("the reply text, address masked")
                .isEqualTo("<u***@rcpt550.example>: u*** user");
        assertThat(text(job, "cut@dropdata.example", "reason")).contains("before the end of the message was sent");
        assertThat(text(job, "doubt@dropafter.example", "reason")).contains("after the end of the message was sent");
        assertThat(rcptCommands("bye@r421.example")).as("a 421 is retried at once on new connections").isEqualTo(3);
        assertThat(rcptCommands("cut@dropdata.example")).as("3 tries; the first may also replace a reused connection"
                + " that looked dead").isBetween(3L, 4L);
        assertThat(rcptCommands("busy@rcpt450.example")).as("a 4xx reply waits for its backoff").isEqualTo(1);
        assertThat(rcptCommands("busy@data450.example")).isEqualTo(1);
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);

        time.advance(Duration.ofMinutes(5));
        CliHarness.Result second = cli.run("run", job.jobFile());

        assertThat(second.exitCode()).isEqualTo(ExitCodes.NEEDS_OPERATOR);
        assertOutcome(job, "flaky@once451.example", "SENT", 250, "2.0.0");
        assertThat(status(job, "doubt@dropafter.example")).as("UNKNOWN is never sent again by a run").isEqualTo("UNKNOWN");
        assertThat(relay.deliveredTo("doubt@dropafter.example")).isEqualTo(1);
        assertThat(backoff(job, "busy@rcpt450.example")).as("second backoff doubles").isEqualTo(Duration.ofMinutes(10));
        LedgerAgreement.assertAgrees(cli.jdbc(), job.campaign(), relay);
    }

    @Test
    void givenATransientFailureThatLastsThenTheBackoffDoublesUpToItsMaximumAndTheDeliveryExpires() {
        CampaignWorkspace job = CampaignWorkspace.of(temp.resolve("expire"), "replies-expire")
                .withCustomers(1, i -> "exp@expire.example")
                .withJobSettings("retry: {minBackoff: 5m, maxBackoff: 20m, lifetime: 1h}");
        List<Duration> waits = new java.util.ArrayList<>();

        assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
        while ("DEFERRED".equals(status(job, "exp@expire.example"))) {
            Duration wait = backoff(job, "exp@expire.example");
            waits.add(wait);
            time.advance(wait.minusSeconds(1));
            assertThat(cli.run("run", job.jobFile()).exitCode()).isEqualTo(ExitCodes.WORK_LEFT);
            assertThat(backoff(job, "exp@expire.example")).as("not due a second early").isEqualTo(wait);
            time.advance(Duration.ofSeconds(1));
            cli.run("run", job.jobFile());
        }

        assertThat(waits).as("attempts at 0, 5, 15, 35, 55 min; the one at 75 min is past the lifetime")
                .extracting(Duration::toMinutes).containsExactly(5L, 10L, 20L, 20L, 20L);
        assertThat(status(job, "exp@expire.example")).isEqualTo("FAILED");
        assertThat(text(job, "exp@expire.example", "reason")).startsWith("expired: still failing after the retry lifetime of 1h")
                .contains("450 4.2.1 mailbox busy");
        assertThat(rcptCommands("exp@expire.example")).isEqualTo(6);
    }

    private void assertOutcome(CampaignWorkspace job, String address, String status, Integer code, String enhanced) {
        Map<String, Object> row = cli.jdbc().queryForMap("SELECT status, last_reply_code, last_enhanced_code FROM delivery"
                + " WHERE campaign_id = ? AND email = ?", job.campaign(), address);
        assertThat(row.get("status")).as(address).isEqualTo(status);
        assertThat(row.get("last_reply_code")).as(address).isEqualTo(code);
        assertThat(row.get("last_enhanced_code")).as(address).isEqualTo(enhanced);
    }

    private String status(CampaignWorkspace job, String address) {
        return text(job, address, "status");
    }

    private String text(CampaignWorkspace job, String address, String column) {
        return cli.jdbc().queryForObject("SELECT " + column + " FROM delivery WHERE campaign_id = ? AND email = ?",
                String.class, job.campaign(), address);
    }

    /** next_attempt_at minus the time of the last attempt. */
    private Duration backoff(CampaignWorkspace job, String address) {
        Map<String, Object> row = cli.jdbc().queryForMap("SELECT next_attempt_at, updated_at FROM delivery"
                + " WHERE campaign_id = ? AND email = ?", job.campaign(), address);
        return Duration.between((LocalDateTime) row.get("updated_at"), (LocalDateTime) row.get("next_attempt_at"));
    }

    private long rcptCommands(String address) {
        return relay.commands().stream().filter(c -> c.equalsIgnoreCase("RCPT TO:<" + address + ">")).count();
    }
}
