package io.noticemailer.job;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.ledger.LedgerUnavailableException;

/**
 * MySQL/MariaDB named lock (GET_LOCK) on a connection kept open for the run: the server releases it by
 * itself when the process dies, so a crash never leaves a campaign locked. The same is true when only the
 * connection drops, so that connection is told not to time out while idle ({@code wait_timeout}), a keep-alive
 * thread {@link Held#verify() verifies} it every {@code keepAlive} (the import included, and idle proxies see
 * traffic) and takes it again at once when it was lost, and the send path verifies it before each claim.
 */
final class MySqlCampaignLock implements CampaignLock {

    /** MySQL's limit on a lock name (MariaDB 10.11 allows 192): longer names fail with error 3057. */
    static final int MAX_LOCK_NAME = 64;
    private static final String PREFIX = "notice-mailer/";
    /** '#' cannot appear in a campaign id, so a hashed name never equals a plain one. */
    private static final String HASHED_PREFIX = PREFIX + "#";
    private static final int HASH_HEX_CHARACTERS = 40;

    private static final Logger log = LoggerFactory.getLogger(MySqlCampaignLock.class);
    private static final String GET_LOCK = "SELECT GET_LOCK(?, 0)";
    private static final String HOLDS_LOCK = "SELECT IS_USED_LOCK(?) = CONNECTION_ID()";
    private static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";
    /** The longest wait_timeout MySQL and MariaDB accept (a year): the idle lock connection must outlive any run. */
    private static final String NEVER_IDLE_OUT = "SET SESSION wait_timeout = 31536000";
    private static final String AS_BEFORE = "SET SESSION wait_timeout = @@GLOBAL.wait_timeout";

    private final DataSource dataSource;
    private final Duration keepAlive;

    MySqlCampaignLock(DataSource dataSource, Duration keepAlive) {
        this.dataSource = dataSource;
        this.keepAlive = keepAlive;
    }

    @Override
    public Held acquire(String campaign) {
        Connection connection = take(campaign);
        if (connection == null) {
            throw new CampaignLockedException("another run of campaign " + campaign + " is in progress");
        }
        NamedLock lock = new NamedLock(campaign, connection);
        lock.keepAlive(keepAlive);
        return lock;
    }

    /**
     * The lock's name: {@code notice-mailer/CAMPAIGN}, or for a campaign id too long for MySQL's 64 characters a
     * fixed-length name made from its SHA-256, so that every valid id can run and two ids never share a lock.
     */
    static String lockName(String campaign) {
        String plain = PREFIX + campaign;
        if (plain.length() <= MAX_LOCK_NAME) {
            return plain;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(campaign.getBytes(StandardCharsets.UTF_8));
            return HASHED_PREFIX + HexFormat.of().formatHex(digest).substring(0, HASH_HEX_CHARACTERS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    /** The connection holding the lock, or null when another session holds it. */
    private Connection take(String campaign) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            if (!query(connection, GET_LOCK, lockName(campaign))) {
                connection.close();
                return null;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute(NEVER_IDLE_OUT);
            }
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection); // a pooled connection not given back would be lost to the pool (and hold the lock)
            throw new LedgerUnavailableException("cannot take the run lock of campaign " + campaign + ": " + e.getMessage(), e);
        }
    }

    private static boolean query(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // it is gone either way
        }
    }

    private final class NamedLock implements Held {

        private final String campaign;
        private Connection connection;
        private ScheduledExecutorService keeper;
        /** Set when the keep-alive found another run holding the lock; every later verify throws it. */
        private CampaignLockLostException lost;

        NamedLock(String campaign, Connection connection) {
            this.campaign = campaign;
            this.connection = connection;
        }

        void keepAlive(Duration interval) {
            keeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "run-lock-keep-alive");
                thread.setDaemon(true);
                return thread;
            });
            long millis = Math.max(1, interval.toMillis());
            keeper.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
        }

        private void check() {
            try {
                verify();
            } catch (CampaignLockLostException alreadyRecorded) {
                keeper.shutdown();
            } catch (RuntimeException unreachable) {
                log.warn("cannot check the run lock of campaign {} now (tried again in a moment): {}", campaign,
                        unreachable.getMessage());
            }
        }

        @Override
        public synchronized void verify() {
            if (lost != null) {
                throw lost;
            }
            try {
                if (query(connection, HOLDS_LOCK, lockName(campaign))) {
                    return;
                }
            } catch (SQLException gone) {
                log.warn("the run lock of campaign {} was lost with its database connection: {}", campaign, gone.getMessage());
            }
            closeQuietly(connection);
            Connection again = take(campaign);
            if (again == null) {
                lost = new CampaignLockLostException("the run lock of campaign " + campaign + " was lost with its database"
                        + " connection and another run holds it now: this run stops so that the two do not overlap");
                throw lost;
            }
            connection = again;
            log.warn("the run lock of campaign {} is held again", campaign);
        }

        @Override
        public void close() {
            if (keeper != null) {
                keeper.shutdown(); // a check in progress ends first: never interrupt a JDBC call
            }
            synchronized (this) {
                try (Connection held = connection; Statement statement = held.createStatement()) {
                    query(held, RELEASE_LOCK, lockName(campaign));
                    statement.execute(AS_BEFORE);
                } catch (SQLException e) {
                    // Closing the connection releases the lock as well.
                }
            }
        }
    }
}
