package io.noticemailer.progress;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often a run reports: {@code logInterval} between progress log lines (no terminal), {@code barRefresh}
 * between bar updates, {@code dueRefresh} between counts of the work still due (a query on the ledger), and
 * {@code metricsInterval} between writes of the --metrics-file.
 */
@ConfigurationProperties(prefix = "notice-mailer.progress")
public record ProgressSettings(@DefaultValue("1m") Duration logInterval, @DefaultValue("1s") Duration barRefresh,
                               @DefaultValue("10s") Duration dueRefresh, @DefaultValue("1m") Duration metricsInterval) {
}
