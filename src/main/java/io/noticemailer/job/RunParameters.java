package io.noticemailer.job;

/**
 * Names of the job parameters. Only campaign and pass identify a job instance; the rest may change between
 * a failed run and its restart (a new --limit, another outbox). None of them holds personal data.
 */
final class RunParameters {

    static final String CAMPAIGN = "campaign";
    static final String PASS = "pass";
    static final String JOB_FILE = "jobFile";
    static final String INPUT = "input";
    static final String OUTBOX = "outbox";
    static final String LIMIT = "limit";

    private RunParameters() {
    }
}
