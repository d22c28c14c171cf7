package io.noticemailer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One mariadbd of our own, on a fresh data directory and a free port, that can be killed and restarted. */
final class MariaDbProcess {

    private static final Duration INSTALL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    /** mariadb-install-db's administrator, with an empty password: only ever reachable on 127.0.0.1. */
    static final String ADMIN_USER = "root";
    /** Test classes keep their pools open until the end of the run. */
    private static final int MAX_CONNECTIONS = 1000;

    private final MariaDbBinaries binaries;
    private final Path baseDir;
    private final int port;
    private final String osUser;
    private Process process;
    private Thread shutdownHook;

    private MariaDbProcess(MariaDbBinaries binaries, Path baseDir, int port, String osUser) {
        this.binaries = binaries;
        this.baseDir = baseDir;
        this.port = port;
        this.osUser = osUser;
    }

    /** Creates the data directory with a root user that has an empty password on 127.0.0.1. */
    static MariaDbProcess install(MariaDbBinaries binaries, Path baseDir) {
        String osUser = System.getProperty("user.name");
        MariaDbProcess server = new MariaDbProcess(binaries, baseDir, freePort(), osUser);
        OsCommands.run(List.of(binaries.installer().toString(), "--no-defaults",
                "--auth-root-authentication-method=normal", "--skip-test-db",
                "--datadir=" + server.dataDir(), "--user=" + osUser), baseDir.resolve("install.log"), INSTALL_TIMEOUT);
        return server;
    }

    int port() {
        return port;
    }

    synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Starts mariadbd and returns once it accepts connections. */
    synchronized void start() {
        if (isRunning()) {
            throw new IllegalStateException("mariadbd on port " + port + " is already running");
        }
        try {
            process = new ProcessBuilder(serverCommand()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(baseDir.resolve("mariadbd.out").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binaries.server(), e);
        }
        Process started = process;
        shutdownHook = new Thread(started::destroyForcibly, "mariadbd-port-" + port);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitConnections();
    }

    /** SIGKILL, as a crash would: InnoDB recovers on the next start. */
    synchronized void kill() {
        halt(Process::destroyForcibly, KILL_TIMEOUT);
    }

    /** Shuts down cleanly and deletes the data directory. */
    synchronized void stopAndDelete() {
        halt(Process::destroy, STOP_TIMEOUT);
        if (isRunning()) {
            kill();
        }
        OsCommands.deleteRecursively(baseDir);
    }

    private List<String> serverCommand() {
        return List.of(binaries.server().toString(), "--no-defaults",
                "--datadir=" + dataDir(), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + baseDir.resolve("sock"), "--pid-file=" + baseDir.resolve("mariadbd.pid"),
                "--log-error=" + baseDir.resolve("error.log"), "--user=" + osUser,
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_bin",
                "--skip-name-resolve", "--max-connections=" + MAX_CONNECTIONS);
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String probeUrl = ServerUrl.embedded(port).forAdministration();
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue()
                        + " while starting on port " + port + "; error log:\n" + errorLogTail());
            }
            try (var ignored = DriverManager.getConnection(probeUrl, ADMIN_USER, "")) {
                return;
            } catch (SQLException e) {
                last = e;
            }
            sleep(POLL_INTERVAL);
        }
        process.destroyForcibly();
        throw new IllegalStateException("mariadbd did not accept connections on port " + port + " within "
                + START_TIMEOUT + " (" + (last == null ? "no attempt" : last.getMessage()) + "); error log:\n"
                + errorLogTail(), last);
    }

    private void halt(Consumer<Process> signal, Duration timeout) {
        if (process == null) {
            return;
        }
        signal.accept(process);
        try {
            process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!process.isAlive()) {
            removeShutdownHook();
        }
    }

    private void removeShutdownHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing left to undo
        }
    }

    private Path dataDir() {
        return baseDir.resolve("data");
    }

    private String errorLogTail() {
        return OsCommands.tail(baseDir.resolve("error.log"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for mariadbd", e);
        }
    }
}
