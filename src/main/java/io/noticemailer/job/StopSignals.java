package io.noticemailer.job;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.noticemailer.send.RunStop;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT during a run stop it gracefully: no new delivery is claimed, the messages already
 * handed to the server are finished and recorded, and the run exits 75. Outside a run they end the process
 * as usual. The JVM's own handlers are replaced (sun.misc.Signal, in the supported jdk.unsupported module)
 * because they would start the shutdown hooks, which close the Spring context under the running job.
 */
@Component
public class StopSignals {

    private static final Logger log = LoggerFactory.getLogger(StopSignals.class);
    private static final int SIGNAL_EXIT_BASE = 128;

    private final RunStop runStop;

    StopSignals(RunStop runStop) {
        this.runStop = runStop;
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
        if (!runStop.active()) {
            Runtime.getRuntime().exit(SIGNAL_EXIT_BASE + signal.getNumber());
            return;
        }
        if (!runStop.request("SIG" + signal.getName() + " received")) {
            log.warn("SIG{} received again: still finishing the messages in flight", signal.getName());
        }
    }
}
