package io.noticemailer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.CampaignCheck;
import io.noticemailer.job.CampaignRunner;
import io.noticemailer.job.CheckReport;
import io.noticemailer.job.RunOutcome;
import io.noticemailer.job.RunRequest;
import io.noticemailer.job.StopSignals;
import io.noticemailer.progress.ProgressMode;
import io.noticemailer.progress.RunWatcher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Imports the input (idempotent), sends what is due, records every outcome, prints a summary.",
                "Rerunning resumes: a SENT delivery is never sent again."})
class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE", description = "the campaign's job file (jobs/NAME.yml)")
    private Path jobFile;

    @Option(names = "--input", paramLabel = "FILE", description = "the affected-customer list (overrides input.file)")
    private Path input;

    @Option(names = "--outbox", paramLabel = "DIR", description = "write each message as DIR/*.eml instead of sending it")
    private Path outbox;

    @Option(names = "--limit", paramLabel = "N", description = "stop after N messages (exit 75 while work is left)")
    private Long limit;

    @Option(names = "--dry-run", description = "render and check every message; send nothing, record nothing")
    private boolean dryRun;

    @Option(names = "--quiet", description = "for cron: no progress and no INFO log lines; only errors and the final summary")
    private boolean quiet;

    @Option(names = "--progress", paramLabel = "MODE", defaultValue = "AUTO", description = "AUTO (default): a live bar"
            + " on stderr when it is a terminal, else a log line per minute; BAR; LOG")
    private ProgressMode progress;

    @Option(names = "--metrics-file", paramLabel = "FILE",
            description = "write Prometheus metrics to FILE every minute and at the end (node_exporter textfile collector)")
    private Path metricsFile;

    private final JobFileLoader loader;
    private final CampaignRunner runner;
    private final CampaignCheck check;
    private final RunWatcher watcher;
    private final StopSignals signals;

    RunCommand(JobFileLoader loader, CampaignRunner runner, CampaignCheck check, RunWatcher watcher, StopSignals signals) {
        this.loader = loader;
        this.runner = runner;
        this.check = check;
        this.watcher = watcher;
        this.signals = signals;
    }

    @Override
    public Integer call() throws Exception {
        if (limit != null && limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1");
        }
        if (dryRun) {
            JobFile job = loader.load(jobFile);
            CheckReport report = check.check(job, new RunRequest(job, input, outbox, limit).inputPath(), true);
            report.print(spec.commandLine().getOut(), "dry run (nothing sent, nothing recorded)");
            return report.exitCode();
        }
        try (StopSignals.Guard guard = signals.guard()) {
            return run(loader.load(jobFile));
        }
    }

    private int run(JobFile job) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RunOutcome outcome = runner.run(new RunRequest(job, input, outbox, limit),
                () -> watcher.watch(job.campaign(), quiet ? ProgressMode.QUIET : progress, metricsFile, limit));
        if (outcome.recoveredUnknown() > 0) {
            out.printf("%d deliveries left in flight by a dead run are now UNKNOWN: check them before resending%n",
                    outcome.recoveredUnknown());
        }
        if (outcome.stopReason() != null) {
            out.printf("stopped early: %s; what was not sent stays due for the next run%n", outcome.stopReason());
        }
        CountsTable.print(outcome.counts(), out);
        if (!outcome.completed()) {
            return ExitCodes.FAILED;
        }
        return outcome.imported() ? CountsTable.exitCode(outcome.counts()) : ExitCodes.WORK_LEFT;
    }
}
