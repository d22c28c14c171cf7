package io.noticemailer.progress;

import java.io.PrintStream;
import java.time.temporal.ChronoUnit;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The live bar on a terminal (me.tongfei:progressbar): attempts done of the run's work, rate, ETA, and the
 * counts by outcome beside it. The library redraws it on its own thread; we only move it.
 */
final class TerminalBar implements ProgressDisplay {

    private final ProgressBar bar;

    TerminalBar(ProgressBarConsumer consumer) {
        bar = new ProgressBarBuilder().setTaskName("sending").setInitialMax(0).setStyle(ProgressBarStyle.ASCII)
                .setConsumer(consumer).setUnit(" msg", 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS)
                .setUpdateIntervalMillis(1000).build();
    }

    /** The bar on stderr, as wide as the terminal, so that stdout stays the command's own. */
    static TerminalBar onStderr() {
        return new TerminalBar(new ConsoleProgressBarConsumer(System.err));
    }

    static TerminalBar on(PrintStream stream, int width) {
        return new TerminalBar(new ConsoleProgressBarConsumer(stream, width));
    }

    @Override
    public void show(Progress progress) {
        bar.maxHint(progress.total());
        bar.stepTo(progress.attempted());
        bar.setExtraMessage(ProgressLine.counts(progress));
    }

    @Override
    public void finish(Progress progress) {
        show(progress);
        bar.close();
    }
}
