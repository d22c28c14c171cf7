package io.noticemailer.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.noticemailer.campaign.ThrottleSpec;
import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import io.noticemailer.support.FakeTime;

/** A receiver that answers 421 or 4.7.x gets half the rate, and the full rate back once it stays quiet. */
class ThrottleAdaptiveTest {

    private static final SendResult SERVICE_NOT_AVAILABLE = SendResult.of(Outcome.CONNECTION_FAILED,
            new SmtpReply(421, "4.7.0", "too many messages, slow down"));
    private static final SendResult RATE_LIMITED_AT_RCPT = SendResult.of(Outcome.REJECTED_TRANSIENT,
            new SmtpReply(450, "4.7.1", "rate limited"));
    private static final SendResult MAILBOX_BUSY = SendResult.of(Outcome.REJECTED_TRANSIENT,
            new SmtpReply(450, "4.2.1", "mailbox busy"));
    private static final SendResult ACCEPTED = SendResult.of(Outcome.ACCEPTED, new SmtpReply(250, "2.0.0", "ok"));

    private final FakeTime time = FakeTime.at("2026-12-03T01:00:00Z");
    private final Throttle throttle = new Throttle(new ThrottleSpec(20, 4, Map.of(), 0), null, ZoneId.of("Asia/Tokyo"),
            time, time, time, since -> 0);

    private int turnsDuring(Duration span, String domain) throws InterruptedException {
        Instant end = time.instant().plus(span);
        int turns = 0;
        while (true) {
            throttle.awaitTurn(domain);
            if (!time.instant().isBefore(end)) {
                return turns;
            }
            turns++;
        }
    }

    @Test
    void givenA421ThenTheDomainSlowsDownToHalfItsRate() throws Exception {
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);

        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(1.0);
        assertThat(turnsDuring(Duration.ofSeconds(30), "docomo.ne.jp")).isBetween(29, 31);
        assertThat(throttle.currentRate("example.com")).as("other domains keep their rate").isEqualTo(20.0);
    }

    @Test
    void givenA47xReplyAtRcptThenTheDomainSlowsDownButAMailboxBusyReplyDoesNot() {
        throttle.observe("example.jp", MAILBOX_BUSY);
        assertThat(throttle.currentRate("example.jp")).isEqualTo(20.0);

        throttle.observe("example.jp", RATE_LIMITED_AT_RCPT);
        assertThat(throttle.currentRate("example.jp")).isEqualTo(10.0);
    }

    @Test
    void givenSeveral421sInOneEpisodeThenTheRateIsHalvedOnce() {
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
        time.advance(Duration.ofSeconds(3));
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);

        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(1.0);

        time.advance(DomainRate.SAME_EPISODE);
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
        assertThat(throttle.currentRate("docomo.ne.jp")).as("a later 421 is a new episode").isEqualTo(0.5);
    }

    @Test
    void givenRepeated421sThenTheRateNeverFallsBelowASixteenth() {
        for (int episode = 0; episode < 10; episode++) {
            throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
            time.advance(DomainRate.SAME_EPISODE);
        }

        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(2.0 / DomainRate.FLOOR_DIVISOR);
    }

    @Test
    void givenTheDomainStaysQuietThenItsRateDoublesBackStepByStepToNormal() throws Exception {
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
        time.advance(DomainRate.SAME_EPISODE);
        throttle.observe("docomo.ne.jp", SERVICE_NOT_AVAILABLE);
        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(0.5);
        throttle.observe("docomo.ne.jp", ACCEPTED);

        time.advance(DomainRate.RECOVERY_STEP);
        throttle.awaitTurn("docomo.ne.jp");
        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(1.0);

        time.advance(DomainRate.RECOVERY_STEP);
        throttle.awaitTurn("docomo.ne.jp");
        assertThat(throttle.currentRate("docomo.ne.jp")).isEqualTo(2.0);
        assertThat(turnsDuring(Duration.ofSeconds(60), "docomo.ne.jp")).isBetween(119, 121);
    }

    @Test
    void givenAConnectionRefusedThenTheDomainSlowsDownToo() {
        throttle.observe("example.com", new SendResult(Outcome.CONNECTION_FAILED, null, "Connection refused"));

        assertThat(throttle.currentRate("example.com")).isEqualTo(10.0);
    }
}
