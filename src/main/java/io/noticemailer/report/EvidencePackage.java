package io.noticemailer.report;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.job.SendSettings;
import io.noticemailer.job.SmtpSettings;
import io.noticemailer.job.UsageException;
import io.noticemailer.ledger.CampaignFacts;
import io.noticemailer.ledger.LedgerCounts;
import io.noticemailer.ledger.LedgerExport;
import io.noticemailer.ledger.LedgerQueries;
import io.noticemailer.render.NoticeRenderer;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code evidence JOBFILE --out DIR}: what an auditor can check later, in a new folder: the ledger and the
 * attempt history as CSV (times in UTC, addresses masked, no names), the rejected input lines, copies of the
 * job file and templates, a manifest (fingerprints, software version, settings without secrets, runs,
 * counts) and {@code SHA-256SUMS} over all of it, checkable with {@code sha256sum -c SHA-256SUMS}.
 */
@Service
public class EvidencePackage {

    static final String SUMS = "SHA-256SUMS";

    private final LedgerExport ledger;
    private final LedgerQueries queries;
    private final SmtpSettings smtp;
    private final SendSettings send;
    private final Environment environment;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    EvidencePackage(LedgerExport ledger, LedgerQueries queries, SmtpSettings smtp, SendSettings send,
                    Environment environment, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.smtp = smtp;
        this.send = send;
        this.environment = environment;
        this.clock = clock;
    }

    /** Writes the package into {@code dir} (new or empty) and returns the manifest's counts. */
    public LedgerCounts write(JobFile job, Path dir, String softwareVersion) throws IOException {
        CampaignFacts facts = ledger.campaign(job.campaign()).orElseThrow(() -> new UsageException(
                "campaign " + job.campaign() + " has never run: there is no evidence to package yet"));
        requireEmpty(dir);
        ReportTimes utc = new ReportTimes(ZoneOffset.UTC);
        DigestingFiles files = new DigestingFiles(dir);
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("deliveries.csv", csv(files, "deliveries.csv", EvidenceColumns.DELIVERIES,
                each -> ledger.forEachEntry(job.campaign(), Set.of(), e -> each.accept(EvidenceColumns.delivery(e, utc)))));
        rows.put("attempts.csv", csv(files, "attempts.csv", EvidenceColumns.ATTEMPTS,
                each -> ledger.forEachAttempt(job.campaign(), a -> each.accept(EvidenceColumns.attempt(a, utc)))));
        rows.put("rejected-lines.csv", csv(files, "rejected-lines.csv", EvidenceColumns.REJECTED,
                each -> ledger.forEachRejectedLine(job.campaign(), r -> each.accept(EvidenceColumns.rejected(r)))));
        String jobCopy = "job/" + job.path().getFileName();
        files.copy(jobCopy, job.path());
        Map<String, String> templates = new NoticeRenderer(job.templates()).templateHashes(job.cohorts().values());
        for (String template : templates.keySet()) {
            files.copy("templates/" + template, job.templates().resolve(template));
        }
        LedgerCounts counts = queries.counts(job.campaign());
        Map<String, Object> manifest = new EvidenceManifest(job, facts, utc).build(softwareVersion, clock.instant(), jobCopy,
                templates, RuntimeSettings.of(smtp, send, environment.getProperty("spring.datasource.url"),
                        environment.getProperty("spring.datasource.username")),
                ledger.runs(job.campaign()), ZoneId.systemDefault(), counts, rows);
        files.write("manifest.json", out -> out.write(json.writeValueAsBytes(manifest)));
        Files.writeString(dir.resolve(SUMS), files.sums(), StandardCharsets.UTF_8);
        return counts;
    }

    private static long csv(DigestingFiles files, String name, List<String> header,
                            Consumer<Consumer<List<String>>> rows) throws IOException {
        long[] count = {0};
        files.write(name, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvOutput csv = new CsvOutput(writer, StandardCharsets.UTF_8, true, false);
            csv.row(header, "header");
            rows.accept(values -> {
                csv.row(values, name);
                count[0]++;
            });
            csv.flush();
            writer.flush();
        });
        return count[0];
    }

    private static void requireEmpty(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new UsageException(dir + ": not empty; evidence goes into a new or empty folder, never over"
                            + " an earlier package");
                }
            }
        } else if (Files.exists(dir)) {
            throw new UsageException(dir + ": exists and is not a folder");
        }
        Files.createDirectories(dir);
    }

    static List<String> list(Object... values) {
        List<String> list = new ArrayList<>(values.length);
        for (Object value : values) {
            list.add(value == null ? "" : value.toString());
        }
        return list;
    }
}
