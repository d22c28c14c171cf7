package io.noticemailer.cli;

/** The CONTRACT's exit codes; cron entries and wrappers rely on them. */
final class ExitCodes {

    /** Every delivery is in a final state (SENT, FAILED, INVALID). */
    static final int DONE = 0;
    /** The run failed (database down, relay unreachable …): rerun resumes. */
    static final int FAILED = 1;
    /** Usage or configuration error (option, job file, template): nothing was sent. */
    static final int USAGE = 2;
    /** Another run of the campaign holds the lock: nothing was done. */
    static final int LOCKED = 3;
    /** Deliveries are UNKNOWN (in doubt): an operator must decide. */
    static final int NEEDS_OPERATOR = 4;
    /** lookup: the code is well formed and its check character matches, but no delivery has it. */
    static final int NOT_FOUND = 5;
    /** lookup: the code's check character does not match (misheard or mistyped); nearby codes are listed. */
    static final int MISTYPED = 6;
    /** The input file as a whole is unusable or changed since the first run. */
    static final int BAD_INPUT = 65;
    /** Ended normally with work left (PENDING or DEFERRED): run again later. */
    static final int WORK_LEFT = 75;

    private ExitCodes() {
    }
}
