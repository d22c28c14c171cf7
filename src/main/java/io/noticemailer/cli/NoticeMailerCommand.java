package io.noticemailer.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "notice-mailer", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Sends personalised incident notices and keeps a ledger of every delivery.",
        subcommands = {RunCommand.class, StatusCommand.class, ValidateCommand.class, PreviewCommand.class,
                ResendCommand.class, RetryNowCommand.class, LookupCommand.class, ReportCommand.class,
                EvidenceCommand.class, UnreachedCommand.class, TestSendCommand.class, BouncesCommand.class},
        footer = {"", "Exit codes: 0 done, 1 run failed (rerun resumes), 2 usage/configuration, 3 campaign locked,",
                "4 deliveries UNKNOWN (operator), 65 input unusable or changed, 75 work left (run again later);",
                "lookup: 5 no such code, 6 mistyped code."})
class NoticeMailerCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
