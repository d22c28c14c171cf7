package io.noticemailer.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The ledger stores UTC wall-clock times in DATETIME columns. LocalDateTime crosses JDBC without any
 * zone conversion by the driver, so neither the JVM's nor the server's default zone shifts them.
 */
final class UtcTimes {

    private UtcTimes() {
    }

    static LocalDateTime toDb(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant fromDb(LocalDateTime value) {
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }
}
