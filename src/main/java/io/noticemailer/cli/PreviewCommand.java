package io.noticemailer.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import jakarta.mail.internet.MimeMessage;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.job.NoticePreview;
import io.noticemailer.job.RunRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "preview", mixinStandardHelpOptions = true,
        description = {"Prints the exact message (RFC 5322, as it would go on the wire) for one customer.",
                "Before the first run the management code is a sample: the real one is made at import."})
class PreviewCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--customer", required = true, paramLabel = "ID", description = "the customer id (input column customerId)")
    private String customerId;

    @Option(names = "--input", paramLabel = "FILE", description = "the affected-customer list (overrides input.file)")
    private Path input;

    @Option(names = "--text", description = "print the decoded headers and body for people instead of the wire form")
    private boolean text;

    private final JobFileLoader loader;
    private final NoticePreview preview;

    PreviewCommand(JobFileLoader loader, NoticePreview preview) {
        this.loader = loader;
        this.preview = preview;
    }

    @Override
    public Integer call() throws Exception {
        JobFile job = loader.load(jobFile);
        NoticePreview.Preview result = preview.of(job, customerId, () -> new RunRequest(job, input, null, null).inputPath());
        if (!result.fromLedger()) {
            spec.commandLine().getErr().println("notice-mailer: customer " + customerId
                    + " is not imported yet: the management code below is a sample");
            spec.commandLine().getErr().flush();
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(text ? HumanReadable.of(result.message()) : wireForm(result.message()));
        out.flush();
        return ExitCodes.DONE;
    }

    /** The message is 7-bit (every header encoded, body in base64 or quoted-printable), so ASCII is exact. */
    private static String wireForm(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toString(StandardCharsets.US_ASCII);
    }
}
