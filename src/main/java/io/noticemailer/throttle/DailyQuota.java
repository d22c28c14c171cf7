package io.noticemailer.throttle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.ToLongFunction;

/**
 * {@code throttle.dailyQuota}: the most messages handed to the relay per calendar day in the job's zone
 * (relays such as SES enforce one). A run starts from what the ledger says this campaign already handed
 * over today, so cron reruns on the same day share the quota. A plain counter per day: rate limiting is
 * for the token buckets, this only needs counting.
 */
final class DailyQuota {

    private final long perDay;
    private final ZoneId zone;
    private final Clock clock;
    private final ToLongFunction<Instant> handedOverSince;
    private LocalDate day;
    private long used;

    /**
     * @param perDay          0 for no quota
     * @param handedOverSince messages of the campaign handed to a relay since a time (the ledger)
     */
    DailyQuota(long perDay, ZoneId zone, Clock clock, ToLongFunction<Instant> handedOverSince) {
        this.perDay = perDay;
        this.zone = zone;
        this.clock = clock;
        this.handedOverSince = handedOverSince;
    }

    /** Counts one more message for today; false (and nothing counted) when today's quota is used up. */
    synchronized boolean tryTake() {
        if (perDay <= 0) {
            return true;
        }
        startDayIfNew();
        if (used >= perDay) {
            return false;
        }
        used++;
        return true;
    }

    /** Why nothing more may go today, or null. */
    synchronized String refusal() {
        if (perDay <= 0) {
            return null;
        }
        startDayIfNew();
        return used < perDay ? null : "the daily quota of " + perDay + " messages for " + day + " (" + zone
                + ") is used up: a run tomorrow continues";
    }

    private void startDayIfNew() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        if (!today.equals(day)) {
            day = today;
            used = handedOverSince.applyAsLong(today.atStartOfDay(zone).toInstant());
        }
    }
}
