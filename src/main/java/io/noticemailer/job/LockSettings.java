package io.noticemailer.job;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The run lock on MySQL/MariaDB: {@code keepAlive} between checks of the lock's connection during a run (they
 * keep it busy for proxies that drop idle connections, and take the lock again at once if it dropped).
 */
@ConfigurationProperties(prefix = "notice-mailer.lock")
public record LockSettings(@DefaultValue("30s") Duration keepAlive) {

    public LockSettings {
        if (keepAlive.isNegative() || keepAlive.isZero()) {
            throw new IllegalArgumentException("notice-mailer.lock.keep-alive must be longer than 0, found " + keepAlive);
        }
    }
}
