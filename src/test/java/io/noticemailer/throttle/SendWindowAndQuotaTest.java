package io.noticemailer.throttle;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.noticemailer.campaign.SendWindow;
import io.noticemailer.campaign.ThrottleSpec;
import io.noticemailer.send.Pacing.Turn;
import io.noticemailer.support.FakeTime;

/** Nothing goes outside the send window or past the daily quota, on an injected clock. */
class SendWindowAndQuotaTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final SendWindow NINE_TO_EIGHT = new SendWindow(LocalTime.of(9, 0), LocalTime.of(20, 0), TOKYO);

    private final FakeTime time = FakeTime.at("2026-12-03T10:59:00Z"); // 19:59 in Tokyo

    private Throttle throttle(SendWindow window, long quota, List<Instant> quotaQueries, long usedToday) {
        return new Throttle(new ThrottleSpec(20, 4, Map.of(), quota), window, TOKYO, time, time, time, since -> {
            quotaQueries.add(since);
            return usedToday;
        });
    }

    @Test
    void givenAWindowThenTurnsAreGrantedUntilItsEndAndRefusedFromIt() throws Exception {
        Throttle throttle = throttle(NINE_TO_EIGHT, 0, new ArrayList<>(), 0);
        assertThat(throttle.awaitTurn("example.com").granted()).isTrue();

        time.set(Instant.parse("2026-12-03T11:00:00Z"));
        Turn atEight = throttle.awaitTurn("example.com");

        assertThat(atEight.granted()).isFalse();
        assertThat(atEight.refusal()).contains("outside the send window 09:00-20:00 Asia/Tokyo", "it is 20:00");
        assertThat(throttle.refusal()).isNotNull();
    }

    @Test
    void givenATurnWhoseWaitCrossesTheEndOfTheWindowThenItIsRefused() throws Exception {
        time.set(Instant.parse("2026-12-03T10:59:59.800Z"));
        Throttle throttle = throttle(NINE_TO_EIGHT, 0, new ArrayList<>(), 0);
        assertThat(throttle.awaitTurn("docomo.ne.jp").granted()).isTrue();

        Turn afterWaiting = throttle.awaitTurn("docomo.ne.jp");

        assertThat(afterWaiting.granted()).as("waited 0.5 s, up to 20:00:00.3").isFalse();
        assertThat(time.instant()).isAfter(Instant.parse("2026-12-03T11:00:00Z"));
    }

    @Test
    void givenTheEarlyMorningThenNothingGoesUntilNineInTheWindowsZone() throws Exception {
        time.set(Instant.parse("2026-12-02T23:59:59Z")); // 08:59:59 in Tokyo
        Throttle throttle = throttle(NINE_TO_EIGHT, 0, new ArrayList<>(), 0);
        assertThat(throttle.awaitTurn("example.com").granted()).isFalse();

        time.advance(Duration.ofSeconds(1));

        assertThat(throttle.awaitTurn("example.com").granted()).isTrue();
    }

    @Test
    void givenNoWindowThenEveryHourIsOpen() throws Exception {
        time.set(Instant.parse("2026-12-03T18:00:00Z")); // 03:00 in Tokyo
        assertThat(throttle(null, 0, new ArrayList<>(), 0).awaitTurn("example.com").granted()).isTrue();
    }

    @Test
    void givenADailyQuotaThenWhatWasHandedOverTodayCountsAndTheRestWaitsForTomorrow() throws Exception {
        time.set(Instant.parse("2026-12-03T05:00:00Z")); // 14:00 in Tokyo
        List<Instant> asked = new ArrayList<>();
        Throttle throttle = throttle(null, 5, asked, 2);

        int granted = 0;
        Turn turn;
        while ((turn = throttle.awaitTurn("example.com")).granted()) {
            granted++;
        }

        assertThat(granted).isEqualTo(3);
        assertThat(turn.refusal()).contains("daily quota of 5 messages for 2026-12-03 (Asia/Tokyo) is used up");
        assertThat(asked).containsExactly(Instant.parse("2026-12-02T15:00:00Z"));

        time.set(Instant.parse("2026-12-03T15:00:00Z")); // midnight in Tokyo: a new day
        assertThat(throttle.awaitTurn("example.com").granted()).isTrue();
        assertThat(asked).last().isEqualTo(Instant.parse("2026-12-03T15:00:00Z"));
    }
}
