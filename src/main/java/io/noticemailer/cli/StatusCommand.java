package io.noticemailer.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.ledger.LedgerCounts;
import io.noticemailer.ledger.LedgerQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts per status and per cohort, from the database only.")
class StatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--json", description = "one JSON object (see README) instead of a table")
    private boolean json;

    private final JobFileLoader loader;
    private final LedgerQueries queries;

    StatusCommand(JobFileLoader loader, LedgerQueries queries) {
        this.loader = loader;
        this.queries = queries;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        LedgerCounts counts = queries.counts(job.campaign());
        Map<String, Long> charsets = queries.sentCharsets(job.campaign());
        Map<String, Long> leftOut = queries.leftOutForEarlierCampaigns(job.campaign());
        if (json) {
            Map<String, Object> object = counts.asJson();
            object.put("charsets", charsets);
            object.put("earlierCampaigns", leftOut);
            spec.commandLine().getOut().println(JsonMapper.builder().build().writeValueAsString(object));
            spec.commandLine().getOut().flush();
        } else {
            CountsTable.print(counts, spec.commandLine().getOut());
            CountsTable.printBounced(counts, spec.commandLine().getOut());
            if (!charsets.isEmpty()) {
                StringBuilder line = new StringBuilder("  sent as:");
                charsets.forEach((charset, n) -> line.append(' ').append(charset).append(' ').append(n));
                spec.commandLine().getOut().println(line);
            }
            leftOut.forEach((earlier, n) -> spec.commandLine().getOut().printf(
                    "  %d rejected lines left out: customers covered by campaign %s (previousCampaigns)%n", n, earlier));
            spec.commandLine().getOut().flush();
        }
        return ExitCodes.DONE;
    }
}
