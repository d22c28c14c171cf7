package io.noticemailer.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;

/**
 * The sends-over-time chart as inline SVG geometry: messages sent per interval, the interval chosen so that
 * the whole campaign fits in at most {@value #MAX_BARS} bars (a minute for a short run, up to a day).
 */
public record SendsChart(List<Bar> bars, long max, String interval, String firstLabel, String lastLabel) {

    static final int MAX_BARS = 48;
    static final int WIDTH = 760;
    static final int HEIGHT = 200;
    private static final long[] INTERVAL_MINUTES = {1, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440};

    public record Bar(double x, double y, double width, double height, long count, String label) {
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    /** @param sentPerMinute messages sent, keyed by epoch minute (UTC) */
    static SendsChart of(NavigableMap<Long, Long> sentPerMinute, ZoneId zone) {
        if (sentPerMinute.isEmpty()) {
            return new SendsChart(List.of(), 0, "", "", "");
        }
        long first = sentPerMinute.firstKey();
        long span = sentPerMinute.lastKey() - first + 1;
        long step = interval(span);
        long start = first - Math.floorMod(first, step);
        int count = (int) ((sentPerMinute.lastKey() - start) / step + 1);
        long[] sums = new long[count];
        sentPerMinute.forEach((minute, n) -> sums[(int) ((minute - start) / step)] += n);
        long max = 0;
        for (long s : sums) {
            max = Math.max(max, s);
        }
        DateTimeFormatter label = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        double width = (double) WIDTH / Math.max(count, 12);
        List<Bar> bars = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double height = max == 0 ? 0 : (double) HEIGHT * sums[i] / max;
            Instant at = Instant.ofEpochSecond((start + i * step) * 60);
            bars.add(new Bar(round(i * width), round(HEIGHT - height), round(Math.max(1, width - 1)), round(height),
                    sums[i], label.format(at)));
        }
        return new SendsChart(bars, max, describe(Duration.ofMinutes(step)), bars.get(0).label(),
                bars.get(count - 1).label());
    }

    /** The shortest interval that fits {@code spanMinutes} in {@value #MAX_BARS} bars (a day at most). */
    private static long interval(long spanMinutes) {
        for (long candidate : INTERVAL_MINUTES) {
            if ((spanMinutes + candidate - 1) / candidate <= MAX_BARS) {
                return candidate;
            }
        }
        return INTERVAL_MINUTES[INTERVAL_MINUTES.length - 1];
    }

    private static String describe(Duration interval) {
        long minutes = interval.toMinutes();
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
