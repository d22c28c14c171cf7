package io.noticemailer.cli;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.report.CsvWritten;
import io.noticemailer.report.ReportFile;
import io.noticemailer.report.UnreachedList;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "unreached", mixinStandardHelpOptions = true,
        description = {"Everyone the notice could not reach (FAILED or INVALID) with the reason, for the postal follow-up.",
                "This file holds names, full addresses and every other input column (e.g. a postal address): it is only",
                "written to --out FILE, readable by its owner alone (rw-------); never to stdout, never to a log.",
                "CSV for Excel: UTF-8 with BOM, or --encoding windows-31j (a character it lacks becomes [U+XXXX])."})
class UnreachedCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(UnreachedCommand.class);

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the CSV file to write")
    private Path out;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "UTF-8 (default, with BOM) or windows-31j")
    private String encoding;

    private final JobFileLoader loader;
    private final UnreachedList unreached;

    UnreachedCommand(JobFileLoader loader, UnreachedList unreached) {
        this.loader = loader;
        this.unreached = unreached;
    }

    @Override
    public Integer call() throws Exception {
        Charset charset = CsvEncoding.of(encoding, true, out, spec);
        JobFile job = loader.load(jobFile);
        CsvWritten written = ReportFile.write(out, charset, true, writer -> unreached.write(job, writer, charset));
        CsvEncoding.warnReplaced(written, charset, spec);
        log.info("unreached campaign={} customers={} file={}", job.campaign(), written.rows(), out.toAbsolutePath());
        spec.commandLine().getOut().printf("%d unreached customers of campaign %s written to %s (readable by you only)%n",
                written.rows(), job.campaign(), out);
        spec.commandLine().getOut().flush();
        return ExitCodes.DONE;
    }
}
