package io.noticemailer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.CampaignOperations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "retry-now", mixinStandardHelpOptions = true,
        description = "Makes every DEFERRED delivery due now, instead of at its next scheduled attempt.")
class RetryNowCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    private final JobFileLoader loader;
    private final CampaignOperations operations;

    RetryNowCommand(JobFileLoader loader, CampaignOperations operations) {
        this.loader = loader;
        this.operations = operations;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        int count = operations.retryNow(job.campaign());
        spec.commandLine().getOut().printf("%d DEFERRED deliveries of campaign %s are due now%n", count, job.campaign());
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
