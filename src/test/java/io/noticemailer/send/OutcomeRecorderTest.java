package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The order and the failures of chunk settlements run in the background. */
class OutcomeRecorderTest {

    private final OutcomeRecorder recorder = new OutcomeRecorder();
    private final List<String> settled = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        recorder.close();
    }

    @Test
    void givenASettlementInProgressWhenTheNextIsHandedOverThenItWaitsAndTheyRunOneAtATimeInOrder() throws Exception {
        CountDownLatch mayFinish = new CountDownLatch(1);
        recorder.settleLater(() -> {
            await(mayFinish);
            settled.add("first");
        });

        CompletableFuture<Void> next = CompletableFuture.runAsync(() -> recorder.settleLater(() -> settled.add("second")));

        Thread.sleep(100);
        assertThat(next).as("waits for the first").isNotDone();
        assertThat(settled).isEmpty();
        mayFinish.countDown();
        next.get(5, TimeUnit.SECONDS);
        recorder.ended();
        assertThat(settled).containsExactly("first", "second");
    }

    @Test
    void givenTheListEndedThenEverySettlementIsDoneBeforeItReturns() {
        recorder.ended();

        recorder.settleLater(() -> settled.add("last"));

        assertThat(settled).containsExactly("last");
    }

    @Test
    void givenABackgroundSettlementFailedThenTheNextCheckThrowsThatFailureOnce() {
        recorder.settleLater(() -> {
            throw new IllegalStateException("database gone");
        });

        assertThatThrownBy(this::checkUntilFailed).isInstanceOf(IllegalStateException.class).hasMessage("database gone");
        recorder.throwIfFailed();
        recorder.ended();
    }

    @Test
    void givenTheSettlementBeforeFailedThenTheNextIsStillDoneBeforeTheFailureIsThrown() {
        recorder.settleLater(() -> {
            throw new IllegalStateException("database gone");
        });

        assertThatThrownBy(() -> recorder.settleLater(() -> settled.add("next"))).hasMessage("database gone");

        assertThat(settled).containsExactly("next");
    }

    @Test
    void givenBothFailThenTheLaterFailureIsThrownWithTheEarlierOneSuppressed() {
        recorder.settleLater(() -> {
            throw new IllegalStateException("first record lost");
        });

        assertThatThrownBy(() -> recorder.settleNow(() -> {
            throw new IllegalStateException("second record lost");
        })).hasMessage("second record lost")
                .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage).containsExactly("first record lost"));
    }

    @Test
    void givenTheListEndsWhileASettlementFailsThenEndingThrowsIt() {
        CountDownLatch mayFail = new CountDownLatch(1);
        recorder.settleLater(() -> {
            await(mayFail);
            throw new IllegalStateException("database gone");
        });
        mayFail.countDown();

        assertThatThrownBy(recorder::ended).hasMessage("database gone");
    }

    /** throwIfFailed does not wait: ask until the background settlement has failed. */
    private void checkUntilFailed() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < deadline) {
            recorder.throwIfFailed();
            Thread.sleep(10);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
