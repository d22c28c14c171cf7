package io.noticemailer.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables from the DDL shipped in the spring-batch-core jar, so the
 * schema always matches the Batch version in use. It runs as a Flyway migration, not through Boot's
 * initialize-schema, because that hides "already exists" errors behind continue-on-error.
 */
@Component
class SpringBatchSchemaMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1");
    }

    @Override
    public String getDescription() {
        return "spring batch schema";
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
        String script = "org/springframework/batch/core/schema-" + DatabaseKind.of(connection).batchSchema() + ".sql";
        ScriptUtils.executeSqlScript(connection, new ClassPathResource(script));
    }
}
