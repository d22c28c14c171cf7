package io.noticemailer.campaign;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One notification campaign, as written in {@code jobs/NAME.yml} and validated by {@link JobFileLoader}.
 * Paths are already resolved against the job file's folder. {@code charset} is UTF-8 or ISO-2022-JP;
 * {@code dkim} is null when messages are not signed. {@code previousCampaigns}: earlier campaigns whose
 * customers this one leaves out at import (empty when none).
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
        SendWindow sendWindow,
        String charset,
        DkimSpec dkim,
        List<String> allowedUrlDomains,
        List<String> previousCampaigns) {

    /** A campaign that leaves nobody out. */
    public JobFile(Path path, String sha256, String campaign, InputSpec input, Sender sender, Map<String, String> cohorts,
                   Hotline hotline, ManagementCodeSpec managementCode, Path templates, ZoneId zone, RetryPolicy retry,
                   ThrottleSpec throttle, SendWindow sendWindow, String charset, DkimSpec dkim, List<String> allowedUrlDomains) {
        this(path, sha256, campaign, input, sender, cohorts, hotline, managementCode, templates, zone, retry, throttle,
                sendWindow, charset, dkim, allowedUrlDomains, List.of());
    }

    /** The template name for a cohort value, or null when the cohort is unknown. */
    public String templateFor(String cohort) {
        return cohorts.get(cohort);
    }
}
