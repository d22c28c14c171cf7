package io.noticemailer.progress;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;

/**
 * Quiets the application's INFO lines for the length of a run: with --quiet (cron wants errors only), and
 * under the live bar (a log line would tear it apart). Warnings and errors still show.
 */
final class LogLevels {

    private static final String APPLICATION = "io.noticemailer";

    interface Restore extends AutoCloseable {
        @Override
        void close();
    }

    private LogLevels() {
    }

    static Restore quietFor(LoggingSystem logging, ProgressMode mode) {
        if (mode != ProgressMode.QUIET && mode != ProgressMode.BAR) {
            return () -> {
            };
        }
        LoggerConfiguration configuration = logging.getLoggerConfiguration(APPLICATION);
        LogLevel before = configuration == null ? null : configuration.getConfiguredLevel();
        logging.setLogLevel(APPLICATION, LogLevel.WARN);
        return () -> logging.setLogLevel(APPLICATION, before);
    }
}
