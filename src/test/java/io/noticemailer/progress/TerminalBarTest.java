package io.noticemailer.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bar as the library draws it, on a stream we can read instead of a terminal. */
class TerminalBarTest {

    @Test
    void givenAForcedBarWhenTheRunEndsThenItHasDrawnDoneOfTotalRateAndCounts() {
        ByteArrayOutputStream drawn = new ByteArrayOutputStream();
        TerminalBar bar = TerminalBar.on(new PrintStream(drawn, true, StandardCharsets.UTF_8), 160);

        bar.show(new Progress("c1", 3, 1, 0, 0, 6, Duration.ofSeconds(2), 0, Duration.ZERO));
        bar.finish(new Progress("c1", 8, 1, 1, 0, 0, Duration.ofSeconds(5), 0, Duration.ZERO));

        String text = drawn.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("\r").contains("sending").contains("10/10").contains("100%").contains("msg/s")
                .contains("sent 8 | deferred 1 | failed 1 | unknown 0");
    }
}
