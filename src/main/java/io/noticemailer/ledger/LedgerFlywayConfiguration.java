package io.noticemailer.ledger;

import java.util.Map;

import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LedgerFlywayConfiguration {

    /**
     * MySQL tables need utf8mb4 and a binary collation (names such as 𠮷, ids compared exactly) and DATETIME;
     * H2 needs no table options and calls the type TIMESTAMP.
     */
    @Bean
    FlywayConfigurationCustomizer ledgerTableOptions() {
        return configuration -> {
            DatabaseKind kind = DatabaseKind.of(configuration.getDataSource());
            configuration.placeholders(Map.of("tableOptions", kind.tableOptions(), "timestamp", kind.timestampType(),
                    "emailKey", kind.emailKey()));
        };
    }
}
