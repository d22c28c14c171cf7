package io.noticemailer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void givenHalfTheWorkDoneInAMinuteThenTheLineShowsDoneOfTotalRateAndTheMinuteLeft() {
        Progress progress = new Progress("c1", 50, 6, 3, 1, 60, Duration.ofMinutes(1), 4, Duration.ofSeconds(90));

        String line = ProgressLine.of(progress);

        assertThat(line).isEqualTo("campaign=c1 done=60/120 sent=50 deferred=6 failed=3 unknown=1 rate=1.0/s eta=1m00s"
                + " elapsed=1m00s throttled=4 (1m30s)");
    }

    @Test
    void givenNothingDoneYetThenThereIsNoRateAndNoEta() {
        Progress progress = new Progress("c1", 0, 0, 0, 0, 10, Duration.ZERO, 0, Duration.ZERO);

        assertThat(ProgressLine.of(progress)).contains("done=0/10", "rate=0.0/s", "eta=-");
    }

    @Test
    void givenLongDurationsThenTheyReadAsHoursMinutesSeconds() {
        assertThat(ProgressLine.duration(Duration.ofSeconds(3723))).isEqualTo("1h02m03s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(65))).isEqualTo("1m05s");
        assertThat(ProgressLine.duration(Duration.ofSeconds(6))).isEqualTo("6s");
    }
}
