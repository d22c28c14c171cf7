package io.noticemailer.progress;

import java.time.Duration;
import java.util.Locale;

/** The progress of a run as one plain log line: what cron logs and CI captures, one per minute. */
final class ProgressLine {

    private ProgressLine() {
    }

    static String of(Progress p) {
        return String.format(Locale.ROOT, "campaign=%s done=%d/%d sent=%d deferred=%d failed=%d unknown=%d"
                        + " rate=%.1f/s eta=%s elapsed=%s throttled=%d (%s)", p.campaign(), p.attempted(), p.total(),
                p.sent(), p.deferred(), p.failed(), p.unknown(), p.rate(),
                p.eta().map(ProgressLine::duration).orElse("-"), duration(p.elapsed()), p.throttled(),
                duration(p.throttleWait()));
    }

    /** The counts after {@code sent}, as the bar shows them beside itself. */
    static String counts(Progress p) {
        return String.format(Locale.ROOT, " sent %d | deferred %d | failed %d | unknown %d", p.sent(), p.deferred(),
                p.failed(), p.unknown());
    }

    /** {@code 1h02m03s}, {@code 4m05s}, {@code 6s}: short enough for one line. */
    static String duration(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds % 3600 / 60;
        long s = seconds % 60;
        if (h > 0) {
            return String.format(Locale.ROOT, "%dh%02dm%02ds", h, m, s);
        }
        return m > 0 ? String.format(Locale.ROOT, "%dm%02ds", m, s) : s + "s";
    }
}
