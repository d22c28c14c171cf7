package io.noticemailer.send;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.noticemailer.ledger.Delivery;

/**
 * The send step's parallel connections ({@code throttle.connections}): one thread and one {@link SendWorker}
 * (so one SMTP connection) each, kept for the whole step. The step's single-threaded reader, processor and
 * writer stay as Spring Batch expects; only the writer fans its claimed chunk out to these threads and waits
 * for all of them, so every outcome is recorded before the next chunk is read.
 */
public class SendWorkers implements AutoCloseable {

    /** What a worker does with each delivery it is handed. */
    interface Task {
        void run(SendWorker worker, Delivery delivery) throws InterruptedException;
    }

    private static final long CLOSE_WAIT_SECONDS = 10;
    /** How soon a stop or a halt gives back the notices no worker took yet. */
    private static final long STOP_CHECK_MILLIS = 100;

    private final List<SendWorker> workers = new ArrayList<>();
    private final ExecutorService threads;

    public SendWorkers(int connections, Supplier<MailTransport> transports, Pacing pacing, RunStop stop, SendEvents events) {
        for (int i = 0; i < connections; i++) {
            workers.add(new SendWorker(transports.get(), pacing, stop, events));
        }
        AtomicInteger number = new AtomicInteger();
        threads = Executors.newFixedThreadPool(connections, runnable -> {
            Thread thread = new Thread(runnable, "send-worker-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public int size() {
        return workers.size();
    }

    /**
     * Runs {@code task} for every delivery the dispatch hands out, on all workers at once, and returns when
     * every worker is done. The first failure of a task halts the dispatch and is rethrown once all are done.
     * While waiting, it has the dispatch withdraw what is left as soon as a stop or a halt comes.
     */
    void runAll(Dispatch dispatch, Task task) {
        List<Future<?>> running = new ArrayList<>(workers.size());
        for (SendWorker worker : workers) {
            running.add(threads.submit(() -> {
                drain(dispatch, worker, task);
                return null;
            }));
        }
        RuntimeException failure = null;
        for (Future<?> future : running) {
            RuntimeException failed = awaitUninterruptibly(future, dispatch);
            failure = failure == null ? failed : failure;
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Messages in flight are always waited for: their outcomes must be recorded, whatever else happens. */
    private static RuntimeException awaitUninterruptibly(Future<?> future, Dispatch dispatch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    future.get(STOP_CHECK_MILLIS, TimeUnit.MILLISECONDS);
                    return null;
                } catch (TimeoutException e) {
                    dispatch.withdrawIfStopped();
                } catch (InterruptedException e) {
                    interrupted = true;
                    dispatch.halt();
                } catch (ExecutionException e) {
                    return e.getCause() instanceof RuntimeException r ? r
                            : new IllegalStateException("a send worker failed: " + e.getCause(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void drain(Dispatch dispatch, SendWorker worker, Task task) throws InterruptedException {
        Delivery delivery;
        while ((delivery = dispatch.next()) != null) {
            try {
                task.run(worker, delivery);
            } catch (Throwable e) {
                dispatch.halt();
                throw e;
            } finally {
                dispatch.done(delivery);
            }
        }
    }

    /** Stops the threads and closes every connection (QUIT). */
    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.forEach(SendWorker::close);
    }
}
