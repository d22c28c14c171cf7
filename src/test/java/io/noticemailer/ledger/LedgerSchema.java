package io.noticemailer.ledger;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import io.noticemailer.send.SendLedger;

/** The ledger's schema on a test database, migrated as the application migrates it, and stores on top of it. */
public final class LedgerSchema {

    private LedgerSchema() {
    }

    /** Runs the application's Flyway migrations (idempotent: a second call finds nothing to do). */
    public static JdbcTemplate migrate(DataSource dataSource) {
        DatabaseKind kind = DatabaseKind.of(dataSource);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .placeholders(Map.of("tableOptions", kind.tableOptions(), "timestamp", kind.timestampType(),
                        "emailKey", kind.emailKey()))
                .javaMigrations(new SpringBatchSchemaMigration())
                .load().migrate();
        return new JdbcTemplate(dataSource);
    }

    public static ImportStore importStore(DataSource dataSource) {
        return new ImportStore(migrate(dataSource));
    }

    public static BounceStore bounceStore(DataSource dataSource) {
        return new BounceStore(migrate(dataSource));
    }

    /** The send path's ledger as the application builds it: every write in its own committed, retried transaction. */
    public static SendLedger sendLedger(DataSource dataSource) {
        return new JdbcSendLedger(migrate(dataSource), new DataSourceTransactionManager(dataSource));
    }

    public static LedgerQueries queries(DataSource dataSource) {
        return new LedgerQueries(migrate(dataSource));
    }
}
