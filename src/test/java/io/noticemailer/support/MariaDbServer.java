package io.noticemailer.support;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MariaDB (or MySQL) for integration tests: the server named by {@code NOTICE_MAILER_TEST_DB_URL}
 * or a throwaway mariadbd of our own. Each caller gets a fresh database; see {@link MariaDbExtension}.
 */
public final class MariaDbServer implements AutoCloseable {

    public static final String URL_VARIABLE = "NOTICE_MAILER_TEST_DB_URL";
    public static final String USER_VARIABLE = "NOTICE_MAILER_TEST_DB_USER";
    public static final String PASSWORD_VARIABLE = "NOTICE_MAILER_TEST_DB_PASSWORD";

    private static final System.Logger LOG = System.getLogger(MariaDbServer.class.getName());
    private static final String EMBEDDED_USER = "notice_mailer";
    private static final int PASSWORD_BYTES = 12;
    private static final int MAX_HINT_LENGTH = 40;
    private static final int POOL_SIZE = 4;
    private static final Duration POOL_CONNECTION_TIMEOUT = Duration.ofSeconds(10);

    private final Optional<MariaDbProcess> embedded;
    private final ServerUrl serverUrl;
    private final Credentials admin;
    private final Credentials tests;
    /** Only an external server outlives the run: distinguishes this JVM's databases from others' there. */
    private final String runTag;
    private final AtomicInteger databaseCount = new AtomicInteger();
    private final List<String> databases = new ArrayList<>();
    private final List<HikariDataSource> pools = new ArrayList<>();

    private record Credentials(String user, String password) {
    }

    private MariaDbServer(Optional<MariaDbProcess> embedded, ServerUrl serverUrl, Credentials admin,
                          Credentials tests, String runTag) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.admin = admin;
        this.tests = tests;
        this.runTag = runTag;
    }

    /** The external server if {@value #URL_VARIABLE} is set, else a mariadbd started here. */
    public static MariaDbServer fromEnvironment(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url == null || url.isBlank()) {
            return startEmbedded(env.get("PATH"));
        }
        String user = env.get(USER_VARIABLE);
        if (user == null || user.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is set but " + USER_VARIABLE + " is not");
        }
        Credentials credentials = new Credentials(user, env.getOrDefault(PASSWORD_VARIABLE, ""));
        String runTag = ProcessHandle.current().pid() + "_";
        return new MariaDbServer(Optional.empty(), ServerUrl.parse(url), credentials, credentials, runTag);
    }

    private static MariaDbServer startEmbedded(String pathVariable) {
        MariaDbBinaries binaries = MariaDbBinaries.locate(pathVariable);
        long started = System.nanoTime();
        Path baseDir = newBaseDir();
        MariaDbProcess process = null;
        try {
            process = MariaDbProcess.install(binaries, baseDir);
            process.start();
            Credentials tests = new Credentials(EMBEDDED_USER, HexFormat.of().formatHex(randomBytes()));
            MariaDbServer server = new MariaDbServer(Optional.of(process), ServerUrl.embedded(process.port()),
                    new Credentials(MariaDbProcess.ADMIN_USER, ""), tests, "");
            server.createTestUser();
            LOG.log(System.Logger.Level.INFO, "test MariaDB ready on 127.0.0.1:{0} in {1} ms",
                    String.valueOf(process.port()), String.valueOf((System.nanoTime() - started) / 1_000_000));
            return server;
        } catch (RuntimeException e) {
            if (process != null) {
                process.stopAndDelete();
            } else {
                OsCommands.deleteRecursively(baseDir);
            }
            throw e;
        }
    }

    private static Path newBaseDir() {
        try {
            return Files.createTempDirectory("notice-mailer-mariadb-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory for mariadbd", e);
        }
    }

    /** Creates {@code nm_<hint>_<n>} (utf8mb4, binary collation) and says how to reach it. */
    public DataSourceProps newDatabase(String nameHint) {
        String database = "nm_" + sanitize(nameHint) + "_" + runTag + databaseCount.incrementAndGet();
        execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        synchronized (databases) {
            databases.add(database);
        }
        return new DataSourceProps(serverUrl.forDatabase(database), tests.user(), tests.password(), database);
    }

    /** A small pool on {@code database}, closed with this server at the latest. */
    public HikariDataSource dataSource(DataSourceProps database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.url());
        config.setUsername(database.username());
        config.setPassword(database.password());
        config.setMaximumPoolSize(POOL_SIZE);
        config.setConnectionTimeout(POOL_CONNECTION_TIMEOUT.toMillis());
        config.setPoolName("test-" + database.database());
        HikariDataSource pool = new HikariDataSource(config);
        synchronized (pools) {
            pools.add(pool);
        }
        return pool;
    }

    /** True when this JVM started the server, so that {@link #kill()} and {@link #restart()} work. */
    public boolean isEmbedded() {
        return embedded.isPresent();
    }

    /** Kills mariadbd with SIGKILL, as a crash would; the data directory stays for {@link #restart()}. */
    public void kill() {
        ownProcess("kill").kill();
    }

    /** Starts mariadbd again on the same data directory and port (after {@link #kill()}). */
    public void restart() {
        ownProcess("restart").start();
    }

    @Override
    public void close() {
        synchronized (pools) {
            pools.forEach(HikariDataSource::close);
        }
        embedded.ifPresentOrElse(MariaDbProcess::stopAndDelete, this::dropDatabases);
    }

    private MariaDbProcess ownProcess(String action) {
        return embedded.orElseThrow(() -> new IllegalStateException(
                "cannot " + action + " an external server (" + URL_VARIABLE + " is set): check isEmbedded() first"));
    }

    private void createTestUser() {
        execute("CREATE USER '" + tests.user() + "'@'%' IDENTIFIED BY '" + tests.password() + "'");
        execute("GRANT ALL PRIVILEGES ON `nm\\_%`.* TO '" + tests.user() + "'@'%'");
    }

    private void dropDatabases() {
        synchronized (databases) {
            databases.forEach(database -> execute("DROP DATABASE IF EXISTS `" + database + "`"));
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl.forAdministration(), admin.user(), admin.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            String shown = sql.contains("IDENTIFIED BY") ? sql.substring(0, sql.indexOf("IDENTIFIED BY")) : sql;
            throw new IllegalStateException("test database server " + serverUrl.base() + " refused: " + shown, e);
        }
    }

    private static String sanitize(String nameHint) {
        String name = nameHint.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return name.length() <= MAX_HINT_LENGTH ? name : name.substring(0, MAX_HINT_LENGTH);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[PASSWORD_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
