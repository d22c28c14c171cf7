package io.noticemailer.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.ledger.LedgerUnavailableException;

/**
 * MySQL/MariaDB named lock (GET_LOCK) on a connection kept open for the run: the server releases it by
 * itself when the process dies, so a crash never leaves a campaign locked. The same is true when only the
 * connection drops, so the run {@link Held#verify() verifies} it before each claim and takes it again.
 */
final class MySqlCampaignLock implements CampaignLock {

    private static final Logger log = LoggerFactory.getLogger(MySqlCampaignLock.class);
    private static final String GET_LOCK = "SELECT GET_LOCK(?, 0)";
    private static final String HOLDS_LOCK = "SELECT IS_USED_LOCK(?) = CONNECTION_ID()";
    private static final String RELEASE_LOCK = "SELECT RELEASE_LOCK(?)";

    private final DataSource dataSource;

    MySqlCampaignLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Held acquire(String campaign) {
        Connection connection = take(campaign);
        if (connection == null) {
            throw new CampaignLockedException("another run of campaign " + campaign + " is in progress");
        }
        return new NamedLock(campaign, connection);
    }

    /** The connection holding the lock, or null when another session holds it. */
    private Connection take(String campaign) {
        try {
            Connection connection = dataSource.getConnection();
            if (!query(connection, GET_LOCK, lockName(campaign))) {
                connection.close();
                return null;
            }
            return connection;
        } catch (SQLException e) {
            throw new LedgerUnavailableException("cannot take the run lock of campaign " + campaign + ": " + e.getMessage(), e);
        }
    }

    private static String lockName(String campaign) {
        return "notice-mailer/" + campaign;
    }

    private static boolean query(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }
    }

    private final class NamedLock implements Held {

        private final String campaign;
        private Connection connection;

        NamedLock(String campaign, Connection connection) {
            this.campaign = campaign;
            this.connection = connection;
        }

        @Override
        public synchronized void verify() {
            try {
                if (query(connection, HOLDS_LOCK, lockName(campaign))) {
                    return;
                }
            } catch (SQLException lost) {
                log.warn("the run lock of campaign {} was lost with its database connection: {}", campaign, lost.getMessage());
            }
            closeQuietly(connection);
            Connection again = take(campaign);
            if (again == null) {
                throw new CampaignLockLostException("the run lock of campaign " + campaign + " was lost with its database"
                        + " connection and another run holds it now: this run stops so that the two do not overlap");
            }
            connection = again;
            log.warn("the run lock of campaign {} is held again", campaign);
        }

        @Override
        public synchronized void close() {
            try (Connection held = connection) {
                query(held, RELEASE_LOCK, lockName(campaign));
            } catch (SQLException e) {
                // Closing the connection releases the lock as well.
            }
        }

        private static void closeQuietly(Connection connection) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // it is gone either way
            }
        }
    }
}
