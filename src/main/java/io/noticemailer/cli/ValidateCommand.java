package io.noticemailer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.CampaignCheck;
import io.noticemailer.job.CheckReport;
import io.noticemailer.job.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the job file, the templates and the input without sending: every problem with file, line and field.",
                "Exit 0: the campaign can run (rows with problems become INVALID or rejected, as listed); 2: job file or",
                "template error; 65: the input as a whole is unusable."})
class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--input", paramLabel = "FILE", description = "the affected-customer list (overrides input.file)")
    private Path input;

    private final JobFileLoader loader;
    private final CampaignCheck check;

    ValidateCommand(JobFileLoader loader, CampaignCheck check) {
        this.loader = loader;
        this.check = check;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        CheckReport report = check.check(job, new RunRequest(job, input, null, null).inputPath(), false);
        report.print(spec.commandLine().getOut(), "validate");
        return report.exitCode();
    }
}
