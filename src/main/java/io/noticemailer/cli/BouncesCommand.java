package io.noticemailer.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import io.noticemailer.bounce.BounceImport;
import io.noticemailer.bounce.BounceTally;
import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bounces", mixinStandardHelpOptions = true,
        description = {"Reads bounces exported from the bounce mailbox (.eml files, folders of them such as a Maildir,",
                "mbox files) and records each failed recipient of each delivery status notification (RFC 3464,",
                "Action: failed) on the SENT delivery it is about, found by the original Message-ID, else by the exact",
                "recipient address. The delivery stays SENT, marked bounced: unreached, report, status and lookup show it.",
                "Delayed or delivered DSNs, auto-replies, other mail and DSNs for other campaigns are counted as skipped.",
                "Reading the same mail again records nothing new.",
                "Exit 0 read, 65 a file or message could not be read (named; the rest was read), 2 usage."})
class BouncesCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH",
            description = "an .eml file, an mbox file, or a folder of them (read recursively; a Maildir's tmp/ is not)")
    private List<Path> paths;

    @Option(names = "--list", description = "one line per message (per recipient of a DSN): where it is and what it did")
    private boolean list;

    private final JobFileLoader loader;
    private final BounceImport bounces;

    BouncesCommand(JobFileLoader loader, BounceImport bounces) {
        this.loader = loader;
        this.bounces = bounces;
    }

    @Override
    public Integer call() {
        JobFile job = loader.load(jobFile);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BounceTally tally = bounces.read(job, paths, new BounceImport.Listener() {
            @Override
            public void outcome(String location, String outcome) {
                if (list) {
                    out.printf("%s: %s%n", location, outcome);
                }
            }

            @Override
            public void unreadable(String location, String reason) {
                err.printf("notice-mailer: %s: %s%n", location, reason);
            }
        });
        summary(job, tally, out);
        out.flush();
        err.flush();
        return tally.unreadable().isEmpty() ? ExitCodes.DONE : ExitCodes.BAD_INPUT;
    }

    private static void summary(JobFile job, BounceTally tally, PrintWriter out) {
        out.printf("bounces of campaign %s: %d messages read%n", job.campaign(), tally.messages());
        out.printf("  %-14s %6d%s%n", "bounced now", tally.bouncedNow(),
                tally.bouncedNow() > 0 ? "  (SENT, then bounced: unreached lists them)" : "");
        out.printf("  %-14s %6d%n", "already known", tally.alreadyKnown());
        out.printf("  %-14s %6d%n", "skipped", tally.skipped());
        tally.skippedByReason().forEach((reason, n) -> out.printf("    %6d  %s%n", n, reason.label()));
        out.printf("  %-14s %6d%n", "unreadable", tally.unreadable().size());
        tally.unreadable().forEach(u -> out.printf("    %s: %s%n", u.location(), u.reason()));
    }
}
