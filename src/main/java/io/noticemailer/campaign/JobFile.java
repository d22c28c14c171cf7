package io.noticemailer.campaign;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

/**
 * One notification campaign, as written in {@code jobs/NAME.yml} and validated by {@link JobFileLoader}.
 * Paths are already resolved against the job file's folder.
 */
public record JobFile(
        Path path,
        String sha256,
        String campaign,
        InputSpec input,
        Sender sender,
        Map<String, String> cohorts,
        Hotline hotline,
        ManagementCodeSpec managementCode,
        Path templates,
        ZoneId zone,
        RetryPolicy retry,
        ThrottleSpec throttle,
        SendWindow sendWindow) {

    /** The template name for a cohort value, or null when the cohort is unknown. */
    public String templateFor(String cohort) {
        return cohorts.get(cohort);
    }
}
