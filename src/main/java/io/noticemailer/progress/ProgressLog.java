package io.noticemailer.progress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Progress without a terminal (cron, CI, a file): one plain log line each time, and one at the end. */
final class ProgressLog implements ProgressDisplay {

    private static final Logger log = LoggerFactory.getLogger(ProgressLog.class);

    @Override
    public void show(Progress progress) {
        log.info("progress {}", ProgressLine.of(progress));
    }

    @Override
    public void finish(Progress progress) {
        log.info("progress finished {}", ProgressLine.of(progress));
    }
}
