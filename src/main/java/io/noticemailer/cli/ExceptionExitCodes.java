package io.noticemailer.cli;

import java.io.PrintWriter;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.campaign.JobFileException;
import io.noticemailer.input.InputFileException;
import io.noticemailer.job.CampaignLockedException;
import io.noticemailer.job.InputChangedException;
import io.noticemailer.job.UsageException;
import io.noticemailer.render.RenderException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParseResult;

/** The one place that maps an exception to an exit code and prints its one-line reason. */
final class ExceptionExitCodes implements IExitCodeExceptionMapper, IExecutionExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ExceptionExitCodes.class);

    @Override
    public int getExitCode(Throwable exception) {
        Throwable known = known(exception);
        if (known instanceof JobFileException || known instanceof UsageException || known instanceof RenderException
                || known instanceof CommandLine.ParameterException || SettingProblem.find(exception) != null) {
            return ExitCodes.USAGE;
        }
        if (known instanceof InputFileException || known instanceof InputChangedException) {
            return ExitCodes.BAD_INPUT;
        }
        if (known instanceof CampaignLockedException || EmbeddedDatabase.inUseByAnotherProcess(exception)) {
            return ExitCodes.LOCKED;
        }
        return ExitCodes.FAILED;
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        report(exception, commandLine.getErr());
        return getExitCode(exception);
    }

    void report(Throwable exception, PrintWriter err) {
        Throwable known = known(exception);
        String reason = known.getMessage() == null ? known.getClass().getSimpleName() : known.getMessage();
        if (SettingProblem.find(exception) != null) {
            reason = SettingProblem.describe(SettingProblem.find(exception));
        } else if (EmbeddedDatabase.inUseByAnotherProcess(exception)) {
            reason = "the embedded database is in use by another notice-mailer process: " + reason;
        } else if (known == rootCause(exception) && causedBySql(exception)) {
            reason = "the ledger database failed: " + reason;
        }
        err.println("notice-mailer: " + reason.lines().findFirst().orElse(reason));
        err.flush();
        log.debug("command failed", exception);
    }

    private static boolean causedBySql(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException) {
                return true;
            }
        }
        return false;
    }

    private static Throwable rootCause(Throwable exception) {
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /** Spring wraps what a bean or step threw: the operator needs the innermost exception we know. */
    private static Throwable known(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof JobFileException || t instanceof UsageException || t instanceof RenderException
                    || t instanceof InputFileException || t instanceof InputChangedException
                    || t instanceof CampaignLockedException || t instanceof CommandLine.ParameterException) {
                return t;
            }
        }
        Throwable root = exception;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root : exception;
    }
}
