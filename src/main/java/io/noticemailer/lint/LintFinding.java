package io.noticemailer.lint;

/**
 * One thing the lint found: where (file and line, job file key, or input line and field) and what. An error
 * stops {@code run} before any mail (exit 2); a warning is shown and the campaign may go on.
 */
public record LintFinding(Severity severity, String where, String problem) {

    public enum Severity { ERROR, WARNING }

    static LintFinding error(String where, String problem) {
        return new LintFinding(Severity.ERROR, where, problem);
    }

    static LintFinding warning(String where, String problem) {
        return new LintFinding(Severity.WARNING, where, problem);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return where + ": " + problem;
    }
}
