package io.noticemailer.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A stop request ends a throttle wait at once instead of after a slow domain's long interval. */
class StoppableParkingTest {

    @Test
    void givenAStopRequestThenAnHourLongWaitEndsAtTheNextSlice() {
        AtomicInteger asked = new AtomicInteger();
        StoppableParking parking = new StoppableParking(() -> asked.incrementAndGet() > 2);

        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> parking.park(Duration.ofHours(1).toNanos()));

        assertThat(asked.get()).as("it looked again after each slice and stopped once asked to").isEqualTo(3);
    }

    @Test
    void givenNoStopThenItWaitsTheWholeTime() throws InterruptedException {
        StoppableParking parking = new StoppableParking(() -> false);
        long start = System.nanoTime();

        parking.park(Duration.ofMillis(250).toNanos());

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    }
}
