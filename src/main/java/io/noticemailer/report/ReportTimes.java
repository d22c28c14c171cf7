package io.noticemailer.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Times in reports: ISO-8601 to the second with the offset ({@code 2018-12-25T10:15:30+09:00}), empty when unset. */
public final class ReportTimes {

    private final ZoneId zone;

    public ReportTimes(ZoneId zone) {
        this.zone = zone;
    }

    public String format(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
