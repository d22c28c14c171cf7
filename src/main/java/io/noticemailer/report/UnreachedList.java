package io.noticemailer.report;

import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.noticemailer.campaign.InputSpec;
import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.LedgerEntry;
import io.noticemailer.ledger.LedgerExport;

/**
 * {@code unreached JOBFILE --out FILE}: everyone the notice could not reach (FAILED or INVALID, or SENT and
 * bounced later: see the {@code bounces} command), with the reason, for the postal follow-up. Unlike every other output it carries names and full addresses, and the
 * other input columns (a postal address, if the list has one): the company needs them to write to these
 * customers. So it is only ever written to a file readable by its owner alone, never to stdout or a log.
 */
@Service
public class UnreachedList {

    private static final List<String> FIXED = List.of("customer_id", "name", "email", "cohort", "management_code",
            "status", "reason", "last_reply", "last_attempt_at", "input_line", "bounced_at", "bounce_status");

    private final LedgerExport ledger;

    UnreachedList(LedgerExport ledger) {
        this.ledger = ledger;
    }

    public CsvWritten write(JobFile job, Writer writer, Charset charset) {
        ReportTimes times = new ReportTimes(job.zone());
        CsvOutput csv = new CsvOutput(writer, charset, true, true);
        long[] rows = {0};
        List<String> extra = new ArrayList<>();
        ledger.forEachUnreached(job.campaign(), entry -> {
            if (rows[0] == 0) {
                extra.addAll(otherColumns(entry, job.input().columns()));
                List<String> header = new ArrayList<>(FIXED);
                header.addAll(extra);
                csv.row(header, "header");
            }
            List<String> values = new ArrayList<>(EvidencePackage.list(entry.customerId(), entry.name(), entry.email(),
                    entry.cohort(), entry.managementCode(), entry.status(), reason(entry), entry.lastReply(),
                    times.format(entry.lastAttemptAt()), entry.sourceLine(), times.format(entry.bouncedAt()),
                    entry.bounceStatus()));
            extra.forEach(column -> values.add(entry.fields().getOrDefault(column, "")));
            csv.row(values, "customer " + entry.customerId());
            rows[0]++;
        });
        if (rows[0] == 0) {
            csv.row(FIXED, "header");
        }
        Closing.flush(csv);
        return new CsvWritten(rows[0], csv.replaced(), csv.firstReplaced());
    }

    /** Why: the FAILED or INVALID reason, or for a bounce, the DSN's status and diagnostic. */
    private static String reason(LedgerEntry entry) {
        return entry.bounced() ? "bounced: " + entry.bounce() : entry.reason();
    }

    /** The input's other columns (every row of a campaign has the same), without those already in FIXED. */
    private static List<String> otherColumns(LedgerEntry entry, InputSpec.Columns columns) {
        Set<String> mapped = new LinkedHashSet<>();
        mapped.add(columns.customerId());
        mapped.add(columns.name());
        mapped.add(columns.email());
        mapped.add(columns.cohort());
        mapped.add(columns.managementCode());
        return entry.fields().keySet().stream().filter(c -> !mapped.contains(c)).toList();
    }
}
