package io.noticemailer.report;

import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.LedgerCounts;
import io.noticemailer.ledger.LedgerEntry;
import io.noticemailer.ledger.LedgerExport;
import io.noticemailer.ledger.LedgerQueries;

/**
 * {@code report --format html}: one self-contained page (inline CSS and SVG, no script, font or image, and a
 * Content-Security-Policy that forbids loading any) with the totals per status and cohort (and the SENT
 * deliveries that bounced later), the sends over time, the failures and bounces by reason and domain, and the
 * UNKNOWN list. Every value is HTML-escaped by FreeMarker.
 */
@Service
public class HtmlReport {

    private final LedgerExport ledger;
    private final LedgerQueries queries;
    private final Clock clock;
    private final Configuration freemarker = new Configuration(Configuration.VERSION_2_3_34);

    HtmlReport(LedgerExport ledger, LedgerQueries queries, Clock clock) {
        this.ledger = ledger;
        this.queries = queries;
        this.clock = clock;
        freemarker.setClassForTemplateLoading(HtmlReport.class, "/report");
        freemarker.setOutputFormat(HTMLOutputFormat.INSTANCE);
        freemarker.setDefaultEncoding("UTF-8");
        freemarker.setNumberFormat("computer");
        freemarker.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        freemarker.setAPIBuiltinEnabled(false);
    }

    public void write(JobFile job, Writer writer) throws IOException {
        ReportTimes times = new ReportTimes(job.zone());
        LedgerCounts counts = queries.counts(job.campaign());
        HtmlSummary summary = new HtmlSummary();
        ledger.forEachEntry(job.campaign(), Set.of(), summary::add);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("campaign", job.campaign());
        model.put("generatedAt", times.format(clock.instant()));
        model.put("zone", job.zone().getId());
        model.put("total", counts.total());
        model.put("rejectedLines", counts.rejectedLines());
        model.put("cohorts", List.copyOf(counts.cohorts().keySet()));
        model.put("rows", rows(counts));
        model.put("bounced", counts.bounced());
        model.put("bouncedByCohort", counts.cohorts().keySet().stream()
                .map(c -> counts.bouncedByCohort().getOrDefault(c, 0L)).toList());
        model.put("chart", summary.chart(job.zone()));
        List<FailureGroup> failures = summary.failures();
        model.put("failures", failures.subList(0, Math.min(HtmlSummary.GROUPS_SHOWN, failures.size())));
        model.put("failureGroups", failures.size());
        model.put("unknown", summary.unknown().stream().map(e -> unknownRow(e, times)).toList());
        model.put("unknownCount", summary.unknownCount());
        try {
            freemarker.getTemplate("report.html.ftl").process(model, writer);
        } catch (TemplateException e) {
            throw new IllegalStateException("the HTML report template failed: " + e.getMessage(), e);
        }
        writer.flush();
    }

    private static List<Map<String, Object>> rows(LedgerCounts counts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        Arrays.stream(DeliveryStatus.values()).forEach(status -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("status", status.name());
            row.put("total", counts.count(status));
            row.put("cohorts", counts.cohorts().values().stream().map(c -> c.getOrDefault(status, 0L)).toList());
            rows.add(row);
        });
        return rows;
    }

    private static Map<String, Object> unknownRow(LedgerEntry e, ReportTimes times) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("customerId", e.customerId());
        row.put("address", e.maskedEmail());
        row.put("code", e.managementCode());
        row.put("lastAttempt", times.format(e.lastAttemptAt()));
        row.put("messageId", e.messageId() == null ? "" : e.messageId());
        row.put("reason", e.reason() == null ? "" : e.reason());
        return row;
    }
}
