package io.noticemailer.cli;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.report.CsvWritten;
import io.noticemailer.report.DeliveryReport;
import io.noticemailer.report.HtmlReport;
import io.noticemailer.report.ReportFile;
import io.noticemailer.report.ReportFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"The per-customer ledger: customer id, masked address, cohort, management code, status, attempts,",
                "last SMTP reply, Message-ID, times (in the job's zone), reason. CSV opens in Excel (UTF-8 with BOM;",
                "--encoding windows-31j for older Excel, where a character it lacks is written as [U+XXXX]); JSON for",
                "programs; HTML: one self-contained page with totals, a chart of sends over time, failures by reason",
                "and domain, and the UNKNOWN list."})
class ReportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "JOBFILE")
    private Path jobFile;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "CSV, JSON or HTML")
    private ReportFormat format;

    @Option(names = "--out", paramLabel = "FILE", description = "write to FILE (whole or not at all) instead of stdout")
    private Path out;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "CSV only: UTF-8 (default, with BOM) or windows-31j (needs --out)")
    private String encoding;

    private final JobFileLoader loader;
    private final DeliveryReport report;
    private final HtmlReport html;

    ReportCommand(JobFileLoader loader, DeliveryReport report, HtmlReport html) {
        this.loader = loader;
        this.report = report;
        this.html = html;
    }

    @Override
    public Integer call() throws Exception {
        Charset charset = CsvEncoding.of(encoding, format == ReportFormat.CSV, out, spec);
        JobFile job = loader.load(jobFile);
        if (out == null) {
            PrintWriter stdout = spec.commandLine().getOut();
            write(job, stdout, charset);
            stdout.flush();
        } else {
            ReportFile.write(out, charset, false, writer -> write(job, writer, charset));
        }
        return ExitCodes.DONE;
    }

    private Void write(JobFile job, java.io.Writer writer, Charset charset) throws java.io.IOException {
        switch (format) {
            case CSV -> {
                CsvWritten written = report.csv(job, writer, charset, true);
                CsvEncoding.warnReplaced(written, charset, spec);
            }
            case JSON -> report.json(job, writer);
            case HTML -> html.write(job, writer);
        }
        return null;
    }
}
