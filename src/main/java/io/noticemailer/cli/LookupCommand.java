package io.noticemailer.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;

import io.noticemailer.hotline.HotlineLookup;
import io.noticemailer.ledger.LedgerEntry;
import io.noticemailer.report.ReportTimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "lookup", mixinStandardHelpOptions = true,
        description = {"For the hotline: the delivery behind a management code, in every campaign: campaign, customer id,",
                "masked address, cohort, status, attempts and times, and a bounce. Type the code as the caller reads it: any case,",
                "with or without hyphens or spaces; O is read as 0, I and L as 1. A code whose check character does not",
                "match is reported as mistyped, with the existing codes one character away.",
                "Exit 0 found, 5 no such code, 6 mistyped (check character), 2 not a code at all."})
class LookupCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "1..*", paramLabel = "CODE", description = "the management code (several words are joined)")
    private List<String> typed;

    private final HotlineLookup lookup;

    LookupCommand(HotlineLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public Integer call() {
        String code = String.join(" ", typed);
        HotlineLookup.Answer answer = lookup.lookup(code);
        PrintWriter out = spec.commandLine().getOut();
        ReportTimes times = new ReportTimes(ZoneId.systemDefault());
        int exit = switch (answer.kind()) {
            case FOUND -> {
                out.printf("%s: found%n", answer.code());
                answer.entries().forEach(e -> print(e, times, out));
                yield ExitCodes.DONE;
            }
            case NOT_FOUND -> {
                out.printf("%s: no delivery has this code (its check character is right: is the prefix right?)%n",
                        answer.code());
                yield ExitCodes.NOT_FOUND;
            }
            case MISTYPED -> {
                mistyped(answer, times, out);
                yield ExitCodes.MISTYPED;
            }
            case UNREADABLE -> {
                spec.commandLine().getErr().printf("notice-mailer: '%s' cannot be read as a management code"
                        + " (PREFIX-XXXX-XXXX, e.g. DL-EVW3-81ZX)%n", code);
                yield ExitCodes.USAGE;
            }
        };
        out.flush();
        spec.commandLine().getErr().flush();
        return exit;
    }

    private static void mistyped(HotlineLookup.Answer answer, ReportTimes times, PrintWriter out) {
        out.printf("%s: mistyped: its check character does not match, so no customer has this code%n", answer.code());
        if (answer.entries().isEmpty()) {
            out.println("no existing code is one character away: ask the caller to read the whole code again");
            return;
        }
        out.printf("existing codes one character away (%d): confirm with the caller which one they have%n",
                answer.entries().size());
        answer.entries().forEach(e -> print(e, times, out));
    }

    /** Enough to confirm the caller, nothing more: no name, no full address, no message text. */
    private static void print(LedgerEntry e, ReportTimes times, PrintWriter out) {
        out.printf("  code           %s%n", e.managementCode());
        out.printf("  campaign       %s%n", e.campaign());
        out.printf("  customer id    %s%n", e.customerId());
        out.printf("  address        %s%n", e.maskedEmail());
        out.printf("  cohort         %s%n", e.cohort());
        out.printf("  status         %s%n", e.status());
        out.printf("  attempts       %d%n", e.attempts());
        out.printf("  imported       %s%n", times.format(e.createdAt()));
        out.printf("  last attempt   %s%n", times.format(e.lastAttemptAt()));
        out.printf("  sent           %s%n", times.format(e.sentAt()));
        if (e.nextAttemptAt() != null) {
            out.printf("  next attempt   %s%n", times.format(e.nextAttemptAt()));
        }
        if (e.bounced()) {
            out.printf("  bounced        %s %s%n", times.format(e.bouncedAt()), e.bounce());
        }
        out.println();
    }
}
