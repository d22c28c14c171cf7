package io.noticemailer.progress;

/** How a run shows its progress (run --progress, --quiet). */
public enum ProgressMode {
    /** A live bar when stderr is a terminal, else log lines. */
    AUTO,
    /** The live bar on stderr, terminal or not. */
    BAR,
    /** One log line per interval and one at the end. */
    LOG,
    /** Nothing but warnings, errors and the final summary (for cron). */
    QUIET;

    ProgressMode resolved() {
        return this == AUTO ? (Terminals.stderrIsTerminal() ? BAR : LOG) : this;
    }
}
