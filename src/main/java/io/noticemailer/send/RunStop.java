package io.noticemailer.send;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the run must stop taking new deliveries: SIGTERM or SIGINT, the send window closed, the daily
 * quota used up. Messages already handed to the server are finished and recorded; what was not started
 * stays due for the next run. One per process; a run {@link #begin() begins} and {@link #end() ends} it.
 * Thread-safe: a signal handler, the workers and the reader share it.
 */
public final class RunStop {

    private static final Logger log = LoggerFactory.getLogger(RunStop.class);

    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicBoolean active = new AtomicBoolean();

    /** A run starts: earlier stop requests no longer count. */
    public void begin() {
        reason.set(null);
        active.set(true);
    }

    public void end() {
        active.set(false);
    }

    /** Whether a run is in progress (a signal then stops it gracefully instead of ending the process). */
    public boolean active() {
        return active.get();
    }

    /** Asks the run to stop; the first reason given is the one reported. Returns true for the first request. */
    public boolean request(String why) {
        boolean first = reason.compareAndSet(null, why);
        if (first) {
            log.warn("stopping: {}; messages in flight are finished and recorded, the rest stays due for the next run", why);
        }
        return first;
    }

    public boolean requested() {
        return reason.get() != null;
    }

    /** The first reason given, or null when no stop was requested. */
    public String reason() {
        return reason.get();
    }
}
