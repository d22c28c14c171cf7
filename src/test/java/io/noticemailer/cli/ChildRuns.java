package io.noticemailer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.noticemailer.support.DataSourceProps;

/** Runs of the real application in child JVMs (see {@link ChildProcess}), for the kill and signal tests. */
final class ChildRuns {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private ChildRuns() {
    }

    /** {@code run JOBFILE} against this database and relay, with short SMTP timeouts, plus {@code extra} settings. */
    static List<String> runArguments(CampaignWorkspace job, DataSourceProps database, int smtpPort, String... extra) {
        List<String> args = new ArrayList<>(List.of("run", job.jobFile()));
        args.addAll(database.asArguments());
        args.addAll(List.of("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--spring.mail.properties.mail.smtp.timeout=5000",
                "--spring.mail.properties.mail.smtp.connectiontimeout=2000"));
        args.addAll(List.of(extra));
        return args;
    }

    /** Waits (polling, never a timed assertion on the work itself) until {@code condition} holds while the child lives. */
    static void awaitWhileAlive(BooleanSupplier condition, Process child, String what) throws InterruptedException {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            assertThat(child.isAlive()).as("the child run ended before " + what).isTrue();
            assertThat(Instant.now()).as("waiting for " + what).isBefore(deadline);
            Thread.sleep(10);
        }
    }

    /** The child's exit code once it has ended by itself. */
    static int exitCode(Process child, Path log) throws InterruptedException, IOException {
        assertThat(child.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).as("the child run ends: " + Files.readString(log))
                .isTrue();
        return child.exitValue();
    }

    static void kill(Process child) throws InterruptedException {
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
