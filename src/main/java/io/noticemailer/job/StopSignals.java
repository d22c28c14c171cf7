package io.noticemailer.job;

import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.noticemailer.send.RunStop;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT during {@code run} stop it gracefully. While the run holds its lock: no new delivery is
 * claimed, the messages already handed to the server are finished and recorded, and the run exits 75. From the
 * start of the command to the lock (reading and hashing the input, the template lint) the run stops before taking
 * the lock; after the lock (the summary) it ends as it would have. Either way it exits with the CONTRACT's code,
 * never 128+signal. Outside {@code run} they end the process as usual. The JVM's own handlers are replaced
 * (sun.misc.Signal, in the supported jdk.unsupported module) because they would start the shutdown hooks, which
 * close the Spring context under the running job.
 */
@Component
public class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final int SIGNAL_EXIT_BASE = 128;

    private final RunStop runStop;
    private final AtomicReference<String> received = new AtomicReference<>();
    private volatile boolean guarded;
    /** The guarded run is over; the process is on its way out with the run's exit code. */
    private volatile boolean guardClosed;

    StopSignals(RunStop runStop) {
        this.runStop = runStop;
    }

    /** While the returned guard is open a signal never ends the process: the run command decides how it ends. */
    public Guard guard() {
        received.set(null);
        guarded = true;
        return () -> {
            guardClosed = true;
            guarded = false;
        };
    }

    /** A signal given while guarded ("SIGTERM received"), or null. */
    String received() {
        return received.get();
    }

    /**
     * The run has begun its {@link RunStop}: a signal that came before it stops it now. (The handler records the
     * signal before it looks at the run stop, so a signal arriving meanwhile reaches it one way or the other.)
     */
    void forwardTo(RunStop stop) {
        String signal = received.get();
        if (signal != null) {
            stop.request(signal);
        }
    }

    /** Call once, from the process's main method only (never in a test JVM). */
    public void install() {
        for (String name : new String[] {"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), this::received);
            } catch (IllegalArgumentException notAvailable) {
                log.debug("cannot handle SIG{} on this platform", name);
            }
        }
    }

    private void received(Signal signal) {
        String why = "SIG" + signal.getName() + " received";
        boolean first = guarded && received.compareAndSet(null, why);
        if (runStop.active()) {
            if (!runStop.request(why)) {
                log.warn("SIG{} received again: still finishing the messages in flight", signal.getName());
            }
        } else if (guarded) {
            log.warn("{}{}", why, first ? ": the run ends as soon as it can, with its own exit code"
                    : " again: the run is already ending");
        } else if (guardClosed) {
            // Between the end of the run and the process's exit: 128+signal would hide the run's own exit code.
            log.warn("{}: the run is over, the process ends with its exit code", why);
        } else {
            Runtime.getRuntime().exit(SIGNAL_EXIT_BASE + signal.getNumber());
        }
    }

    /** Ends the guard; never throws. */
    public interface Guard extends AutoCloseable {
        @Override
        void close();
    }
}
