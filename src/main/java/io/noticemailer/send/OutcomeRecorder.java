package io.noticemailer.send;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles each chunk in the ledger on a thread of its own while the step's thread reads, claims and sends the
 * next one, so that the send workers do not wait for the ledger between chunks. One chunk is settled at a time
 * and the next waits for it before it is settled: at most two chunks are claimed and not recorded, which is what
 * a kill -9 can leave in doubt (UNKNOWN). A settlement that failed is thrown on the step's thread before the next
 * claim, so nothing more is claimed once the ledger cannot record.
 *
 * <p>Called from the step's thread only. Once the list has {@link #ended()}, nothing follows a settlement that
 * could wait for it, so every later one runs at once on the caller's thread.
 */
final class OutcomeRecorder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread recorder = new Thread(runnable, "ledger-recorder");
        recorder.setDaemon(true);
        return recorder;
    });
    private Future<?> settling = CompletableFuture.completedFuture(null);
    private boolean ended;

    /** Throws what the last settlement failed with, if it failed already; does not wait for one in progress. */
    void throwIfFailed() {
        if (settling.isDone()) {
            rethrow(takeFailure());
        }
    }

    /**
     * Settles in the background once the settlement before it is done. If that one failed, this one is still
     * done (here, at once) before its failure is thrown: the deliveries of this chunk must not stay claimed.
     */
    void settleLater(Runnable settlement) {
        Throwable previous = takeFailure();
        if (previous != null || ended) {
            settleNow(settlement, previous);
            return;
        }
        settling = thread.submit(settlement);
    }

    /** Waits for the settlement in progress, then settles here; throws the first failure of the two. */
    void settleNow(Runnable settlement) {
        settleNow(settlement, takeFailure());
    }

    /** The reader hands out nothing more: waits for the settlement in progress and throws its failure. */
    void ended() {
        ended = true;
        rethrow(takeFailure());
    }

    /** Waits for the settlement in progress (its failure was the step's or is logged here), then stops the thread. */
    @Override
    public void close() {
        Throwable failure = takeFailure();
        if (failure != null) {
            log.error("the last chunk's outcomes could not be recorded: its deliveries stay SENDING and a later run makes"
                    + " them UNKNOWN: {}", failure.toString());
        }
        thread.shutdown();
    }

    private static void settleNow(Runnable settlement, Throwable previous) {
        try {
            settlement.run();
        } catch (RuntimeException | Error e) {
            if (previous != null) {
                e.addSuppressed(previous);
            }
            throw e;
        }
        rethrow(previous);
    }

    /** Waits for the settlement in progress; returns its failure (once) or null. */
    private Throwable takeFailure() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    settling.get();
                    return null;
                } catch (InterruptedException e) {
                    // The outcomes must reach the ledger whatever else happens: wait on, and keep the interrupt.
                    interrupted = true;
                } catch (ExecutionException e) {
                    return e.getCause();
                }
            }
        } finally {
            settling = CompletableFuture.completedFuture(null);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IllegalStateException("recording a chunk's outcomes failed: " + failure, failure);
        }
    }
}
