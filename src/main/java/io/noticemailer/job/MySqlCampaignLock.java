package io.noticemailer.job;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.noticemailer.ledger.LedgerUnavailableException;

/**
 * MySQL/MariaDB named lock (GET_LOCK) on a connection kept open for the run: the server releases it by
 * itself when the process dies, so a crash never leaves a campaign locked.
 */
final class MySqlCampaignLock implements CampaignLock {

    private final DataSource dataSource;

    MySqlCampaignLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Held acquire(String campaign) {
        String name = "notice-mailer/" + campaign;
        try {
            Connection connection = dataSource.getConnection();
            if (!query(connection, "SELECT GET_LOCK(?, 0)", name)) {
                connection.close();
                throw new CampaignLockedException("another run of campaign " + campaign + " is in progress");
            }
            return () -> release(connection, name);
        } catch (SQLException e) {
            throw new LedgerUnavailableException("cannot take the run lock of campaign " + campaign + ": " + e.getMessage(), e);
        }
    }

    private static void release(Connection connection, String name) {
        try (connection) {
            query(connection, "SELECT RELEASE_LOCK(?)", name);
        } catch (SQLException e) {
            // Closing the connection releases the lock as well.
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
}
