package io.noticemailer.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.ledger.LedgerCounts;
import io.noticemailer.report.EvidencePackage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "evidence", mixinStandardHelpOptions = true,
        description = {"Writes what an auditor can check later into a new or empty folder: the ledger and the attempt",
                "history as CSV (UTC, addresses masked, no names), the rejected input lines, copies of the job file and",
                "templates, manifest.json (SHA-256s of input, job file and templates, software version, settings without",
                "secrets, runs, counts) and SHA-256SUMS over all of it: check with `cd DIR && sha256sum -c SHA-256SUMS`."})
class EvidenceCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "a new or empty folder")
    private Path out;

    private final JobFileLoader loader;
    private final EvidencePackage evidence;

    EvidenceCommand(JobFileLoader loader, EvidencePackage evidence) {
        this.loader = loader;
        this.evidence = evidence;
    }

    @Override
    public Integer call() throws Exception {
        JobFile job = loader.load(jobFile);
        LedgerCounts counts = evidence.write(job, out, new VersionProvider().getVersion()[0]);
        spec.commandLine().getOut().printf("evidence of campaign %s (%d deliveries) written to %s; check it with:"
                + " cd %s && sha256sum -c SHA-256SUMS%n", job.campaign(), counts.total(), out, out);
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
