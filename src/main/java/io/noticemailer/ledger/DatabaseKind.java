package io.noticemailer.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** The two kinds of ledger database: MySQL/MariaDB in production, H2 for a first try. */
public enum DatabaseKind {
    MYSQL("mysql", MySql.TABLE_OPTIONS, MySql.TIMESTAMP, MySql.EMAIL_KEY),
    MARIADB("mariadb", MySql.TABLE_OPTIONS, MySql.TIMESTAMP, MySql.EMAIL_KEY),
    H2("h2", "", "TIMESTAMP(6)", "email");

    private final String batchSchema;
    private final String tableOptions;
    private final String timestampType;
    private final String emailKey;

    DatabaseKind(String batchSchema, String tableOptions, String timestampType, String emailKey) {
        this.batchSchema = batchSchema;
        this.tableOptions = tableOptions;
        this.timestampType = timestampType;
        this.emailKey = emailKey;
    }

    /**
     * DATETIME, not TIMESTAMP: no session time zone conversion and no year-2038 limit. An index on the whole
     * VARCHAR(1000) address would pass InnoDB's 3072-byte key limit in utf8mb4: its first 254 characters (every
     * valid address) are indexed.
     */
    private static final class MySql {
        static final String TABLE_OPTIONS = " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
        static final String TIMESTAMP = "DATETIME(6)";
        static final String EMAIL_KEY = "email(254)";
    }

    String timestampType() {
        return timestampType;
    }

    String batchSchema() {
        return batchSchema;
    }

    String tableOptions() {
        return tableOptions;
    }

    /** The delivery address as an index column (a prefix on MySQL). */
    String emailKey() {
        return emailKey;
    }

    public static DatabaseKind of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return of(connection);
        } catch (SQLException e) {
            throw new LedgerUnavailableException("cannot connect to the ledger database: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL the database reports for itself (as configured: it may carry settings, never print it whole). */
    public static String url(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new LedgerUnavailableException("cannot connect to the ledger database: " + e.getMessage(), e);
        }
    }

    static DatabaseKind of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
        if (product.contains("h2")) {
            return H2;
        }
        // Connector/J reports MariaDB as "MySQL": its tables and sequences are what Batch then expects.
        return product.contains("mariadb") ? MARIADB : MYSQL;
    }
}
