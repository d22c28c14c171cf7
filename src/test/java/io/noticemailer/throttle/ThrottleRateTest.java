package io.noticemailer.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.noticemailer.campaign.ThrottleSpec;
import io.noticemailer.campaign.ThrottleSpec.DomainLimit;
import io.noticemailer.send.Pacing.Turn;
import io.noticemailer.support.FakeTime;

/**
 * The effective rate over a simulated minute, on fake time: each turn goes as soon as the throttle allows
 * (sending itself takes no time), so the count of turns is exactly what the throttle lets through.
 */
class ThrottleRateTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private final FakeTime time = FakeTime.at("2026-12-03T01:00:00Z");

    private Throttle throttle(ThrottleSpec spec) {
        return new Throttle(spec, null, TOKYO, time, time, time, since -> 0);
    }

    private int turnsInAMinute(Throttle throttle, String domain) throws InterruptedException {
        Instant end = time.instant().plus(MINUTE);
        int turns = 0;
        while (true) {
            Turn turn = throttle.awaitTurn(domain);
            assertThat(turn.granted()).isTrue();
            if (!time.instant().isBefore(end)) {
                return turns;
            }
            turns++;
        }
    }

    @Test
    void givenTheGlobalRateThenAMinuteCarriesItWithinOnePercent() throws Exception {
        int turns = turnsInAMinute(throttle(new ThrottleSpec(20, 4, Map.of(), 0)), "example.com");

        assertThat((double) turns).isCloseTo(20 * 60, within(20 * 60 * 0.01));
    }

    @Test
    void givenAFractionalRateThenItHoldsOverAMinute() throws Exception {
        int turns = turnsInAMinute(throttle(new ThrottleSpec(0.5, 1, Map.of(), 0)), "example.com");

        assertThat(turns).isBetween(30, 31);
    }

    @Test
    void givenACarrierWithABuiltInLimitThenItsRateHoldsBelowTheGlobalOne() throws Exception {
        Throttle throttle = throttle(new ThrottleSpec(50, 4, Map.of(), 0));

        int docomo = turnsInAMinute(throttle, "docomo.ne.jp");

        assertThat(docomo).isBetween(120, 121);
        assertThat(throttle.connections("docomo.ne.jp")).isEqualTo(1);
        assertThat(throttle.messagesPerConnection("docomo.ne.jp")).isEqualTo(100);
    }

    @Test
    void givenAJobFileEntryForADomainThenItReplacesTheBuiltInLimit() throws Exception {
        Throttle throttle = throttle(new ThrottleSpec(50, 4, Map.of("docomo.ne.jp", new DomainLimit(5, 3, 50)), 0));

        assertThat(turnsInAMinute(throttle, "docomo.ne.jp")).isBetween(300, 301);
        assertThat(throttle.connections("docomo.ne.jp")).isEqualTo(3);
        assertThat(throttle.messagesPerConnection("docomo.ne.jp")).isEqualTo(50);
    }

    @Test
    void givenADomainWithoutLimitThenItSharesTheGlobalConnectionsWithoutAPerConnectionCap() {
        Throttle throttle = throttle(new ThrottleSpec(20, 4, Map.of("tiny.example.jp", new DomainLimit(1, 9, 10)), 0));

        assertThat(throttle.connections("example.com")).isEqualTo(4);
        assertThat(throttle.messagesPerConnection("example.com")).isEqualTo(Integer.MAX_VALUE);
        assertThat(throttle.connections("tiny.example.jp")).as("never more than the global connections").isEqualTo(4);
    }

    @Test
    void givenTwoDomainsInTurnThenTheGlobalRateBoundsTheirSum() throws Exception {
        Throttle throttle = throttle(new ThrottleSpec(10, 4, Map.of(), 0));
        Instant end = time.instant().plus(MINUTE);
        int turns = 0;
        for (int i = 0; time.instant().isBefore(end); i++) {
            throttle.awaitTurn(i % 2 == 0 ? "example.com" : "example.jp");
            turns++;
        }

        assertThat((double) turns).isCloseTo(600, within(6.0 + 1));
    }

    @Test
    void givenAWaitThenTheTurnSaysHowLongItWaited() throws Exception {
        Throttle throttle = throttle(new ThrottleSpec(20, 4, Map.of(), 0));
        throttle.awaitTurn("docomo.ne.jp");

        Turn second = throttle.awaitTurn("docomo.ne.jp");

        assertThat(second.granted()).isTrue();
        assertThat(second.waited()).isEqualTo(Duration.ofMillis(500));
        assertThat(throttle.awaitTurn("example.com").waited()).as("the global bucket had a token left").isZero();
    }
}
