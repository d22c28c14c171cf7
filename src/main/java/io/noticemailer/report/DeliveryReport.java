package io.noticemailer.report;

import java.io.Writer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.LedgerExport;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/** {@code report --format csv|json}: the per-customer ledger, streamed row by row, addresses masked. */
@Service
public class DeliveryReport {

    private final LedgerExport ledger;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET).build();

    DeliveryReport(LedgerExport ledger, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
    }

    public CsvWritten csv(JobFile job, Writer writer, Charset charset, boolean bom) {
        List<ReportColumns.Column> columns = ReportColumns.of(new ReportTimes(job.zone()));
        CsvOutput csv = new CsvOutput(writer, charset, bom, true);
        csv.row(columns.stream().map(ReportColumns.Column::csv).toList(), "header");
        long[] rows = {0};
        ledger.forEachEntry(job.campaign(), Set.of(), entry -> {
            csv.row(columns.stream().map(c -> c.value().apply(entry)).toList(), "customer " + entry.customerId());
            rows[0]++;
        });
        Closing.flush(csv);
        return new CsvWritten(rows[0], csv.replaced(), csv.firstReplaced());
    }

    /** {@code {"campaign", "zone", "generatedAt", "deliveries": [{…}, …]}}. */
    public long json(JobFile job, Writer writer) {
        ReportTimes times = new ReportTimes(job.zone());
        List<ReportColumns.Column> columns = ReportColumns.of(times);
        long[] rows = {0};
        try (JsonGenerator out = json.createGenerator(writer)) {
            out.writeStartObject();
            out.writeStringProperty("campaign", job.campaign());
            out.writeStringProperty("zone", job.zone().getId());
            out.writeStringProperty("generatedAt", times.format(clock.instant()));
            out.writeName("deliveries");
            out.writeStartArray();
            ledger.forEachEntry(job.campaign(), Set.of(), entry -> {
                out.writeStartObject();
                for (ReportColumns.Column column : columns) {
                    String value = column.value().apply(entry);
                    if (column.number()) {
                        out.writeNumberProperty(column.json(), Long.parseLong(value));
                    } else if (value == null || value.isEmpty()) {
                        out.writeNullProperty(column.json());
                    } else {
                        out.writeStringProperty(column.json(), value);
                    }
                }
                out.writeEndObject();
                rows[0]++;
            });
            out.writeEndArray();
            out.writeEndObject();
        }
        return rows[0];
    }
}
