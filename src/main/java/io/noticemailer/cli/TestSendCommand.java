package io.noticemailer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.RunRequest;
import io.noticemailer.ledger.AddressMask;
import io.noticemailer.send.SendResult;
import io.noticemailer.testsend.TestSends;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "test-send", mixinStandardHelpOptions = true,
        description = {"Sends each cohort's notice to an internal address, so that people can read it on real phones before",
                "the campaign, composed as the run composes it (charset, DKIM, EHLO, envelope sender). It is rendered with",
                "sample values: each input column shows its own name in brackets, e.g. [氏名] 様; no customer's data is",
                "sent unless --customer names one. The subject starts with [TEST]; the management code is a sample no",
                "customer has. The ledger is never read or written.",
                "Exit 0 when every message was accepted, 1 when one was not, 2 on a usage error."})
class TestSendCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "the internal address to send to")
    private String to;

    @Option(names = "--cohort", paramLabel = "NAME", description = "only this cohort (default: every cohort)")
    private String cohort;

    @Option(names = "--customer", paramLabel = "ID", description = "render this customer's row instead of sample values"
            + " (their name and data go to the --to address)")
    private String customerId;

    @Option(names = "--input", paramLabel = "FILE", description = "the affected-customer list (overrides input.file)")
    private Path input;

    @Option(names = "--outbox", paramLabel = "DIR", description = "write the messages as DIR/*.eml instead of sending them")
    private Path outbox;

    private final JobFileLoader loader;
    private final TestSends testSends;

    TestSendCommand(JobFileLoader loader, TestSends testSends) {
        this.loader = loader;
        this.testSends = testSends;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        List<TestSends.Sent> sent = testSends.send(new TestSends.Request(job, new RunRequest(job, input, outbox, null).inputPath(),
                to, cohort, customerId, outbox));
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        for (TestSends.Sent s : sent) {
            boolean accepted = s.result().outcome() == SendResult.Outcome.ACCEPTED;
            allAccepted &= accepted;
            out.printf("%s: %s to %s (%s) %s%s%n", s.cohort(), accepted ? "sent" : "NOT sent", AddressMask.mask(to),
                    s.line() > 0 ? "customer " + customerId + ", input line " + s.line() : "sample values",
                    s.messageId(), accepted ? "" : ": " + s.result().detail());
        }
        out.flush();
        return allAccepted ? ExitCodes.DONE : ExitCodes.FAILED;
    }
}
