package io.noticemailer.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.CampaignOperations;
import io.noticemailer.ledger.DeliveryStatus;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "resend", mixinStandardHelpOptions = true,
        description = {"Puts UNKNOWN (in doubt) or FAILED deliveries back to PENDING, so that the next run sends them.",
                "Nothing is ever sent again without this command; each resend is written to the attempt history.",
                "UNKNOWN means the customer may already have the message: resending may mail them twice."})
class ResendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @ArgGroup(exclusive = true, multiplicity = "1")
    private Which which;

    static class Which {
        @Option(names = "--unknown", required = true, description = "the deliveries in doubt (UNKNOWN)")
        boolean unknown;

        @Option(names = "--failed", required = true, description = "the FAILED deliveries")
        boolean failed;
    }

    @Option(names = "--customer", paramLabel = "ID", arity = "1..*", description = "only these customers")
    private List<String> customers = new ArrayList<>();

    private final JobFileLoader loader;
    private final CampaignOperations operations;

    ResendCommand(JobFileLoader loader, CampaignOperations operations) {
        this.loader = loader;
        this.operations = operations;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        DeliveryStatus from = which.unknown ? DeliveryStatus.UNKNOWN : DeliveryStatus.FAILED;
        int count = operations.resend(job.campaign(), from, customers);
        spec.commandLine().getOut().printf("%d %s deliveries of campaign %s are PENDING again: the next run sends them%n",
                count, from, job.campaign());
        if (from == DeliveryStatus.UNKNOWN && count > 0) {
            spec.commandLine().getOut().println("each of them may already have the first message: a second copy carries"
                    + " the same Message-ID, so the relay's log shows which did arrive");
        }
        if (!customers.isEmpty() && count < customers.size()) {
            spec.commandLine().getErr().printf("notice-mailer: %d of the %d customers given were not %s%n",
                    customers.size() - count, customers.size(), from);
        }
        spec.commandLine().getOut().flush();
        spec.commandLine().getErr().flush();
        return ExitCodes.DONE;
    }
}
