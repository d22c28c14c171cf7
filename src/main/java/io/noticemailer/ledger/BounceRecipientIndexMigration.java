package io.noticemailer.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * An index on (campaign, address), for bounces whose original Message-ID is missing or rewritten by a relay:
 * they are matched by the recipient's address. A Java migration because the DDL differs: InnoDB keys are at
 * most 3072 bytes, so MySQL and MariaDB index the first 191 characters of the 1000-character address (more
 * than any real address); H2 has no prefix indexes and needs none.
 */
@Component
class BounceRecipientIndexMigration implements JavaMigration {

    static final String H2 = "CREATE INDEX ix_delivery_email ON delivery (campaign_id, email)";
    static final String MYSQL = "CREATE INDEX ix_delivery_email ON delivery (campaign_id, email(191))";

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("61");
    }

    @Override
    public String getDescription() {
        return "bounce recipient index";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute(DatabaseKind.of(connection) == DatabaseKind.H2 ? H2 : MYSQL);
        }
    }
}
