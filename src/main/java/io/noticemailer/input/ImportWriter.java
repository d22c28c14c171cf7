package io.noticemailer.input;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.noticemailer.code.ManagementCodes;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.ImportStore;
import io.noticemailer.ledger.NewDelivery;
import io.noticemailer.ledger.RejectedLine;

/**
 * Writes input rows to the ledger, idempotently: a line already imported (same customer, same line) is
 * skipped, so a restarted or repeated import adds nothing. Every line ends as exactly one delivery
 * (PENDING or INVALID) or one rejected line (no customer id, or a customer id an earlier line took).
 */
public class ImportWriter implements ItemWriter<InputRow> {

    private final ImportStore store;
    private final ManagementCodes codes;
    private final String campaign;
    private final String codePrefix;
    private final Clock clock;

    public ImportWriter(ImportStore store, ManagementCodes codes, String campaign, String codePrefix, Clock clock) {
        this.store = store;
        this.codes = codes;
        this.campaign = campaign;
        this.codePrefix = codePrefix;
        this.clock = clock;
    }

    @Override
    public void write(Chunk<? extends InputRow> chunk) {
        List<? extends InputRow> rows = chunk.getItems();
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Long> taken = new HashMap<>(store.existingCustomers(campaign,
                rows.stream().filter(InputRow::hasCustomerId).map(InputRow::customerId).distinct().toList()));
        Set<Long> rejectedBefore = store.existingRejectedLines(campaign, rows.get(0).line(), rows.get(rows.size() - 1).line());
        List<NewDelivery> deliveries = new ArrayList<>();
        List<RejectedLine> rejected = new ArrayList<>();
        for (InputRow row : rows) {
            if (rejectedBefore.contains(row.line())) {
                continue;
            }
            Long firstLine = taken.get(row.customerId());
            if (!row.hasCustomerId()) {
                rejected.add(new RejectedLine(row.line(), null, row.problem()));
            } else if (firstLine == null) {
                taken.put(row.customerId(), row.line());
                deliveries.add(delivery(row));
            } else if (firstLine != row.line()) {
                rejected.add(new RejectedLine(row.line(), row.customerId(),
                        "line " + row.line() + ": customer id already on line " + firstLine + " (the first line wins)"));
            }
        }
        store.insert(campaign, withUniqueCodes(deliveries), rejected, clock.instant());
    }

    private NewDelivery delivery(InputRow row) {
        DeliveryStatus status = row.valid() ? DeliveryStatus.PENDING : DeliveryStatus.INVALID;
        return new NewDelivery(row.customerId(), row.line(), nullToEmpty(row.email()), nullToEmpty(row.name()),
                nullToEmpty(row.cohort()), row.managementCode(), row.fields(), status, row.problem());
    }

    /**
     * Gives each delivery a code no other delivery of the campaign has. A generated code that collides is
     * drawn again; a code taken from the input that is already used makes that delivery INVALID.
     */
    private List<NewDelivery> withUniqueCodes(List<NewDelivery> deliveries) {
        List<NewDelivery> result = new ArrayList<>(deliveries.size());
        Set<String> inChunk = new HashSet<>();
        for (NewDelivery d : deliveries) {
            if (d.managementCode() == null) {
                result.add(withCode(d, fresh(inChunk), d.status(), d.reason()));
            } else {
                result.add(inChunk.add(d.managementCode()) ? d : duplicateCode(d));
            }
        }
        Set<String> clashes = store.existingCodes(campaign, inChunk);
        while (!clashes.isEmpty()) {
            for (int i = 0; i < result.size(); i++) {
                NewDelivery d = result.get(i);
                if (clashes.contains(d.managementCode())) {
                    boolean generated = deliveries.get(i).managementCode() == null;
                    result.set(i, generated ? withCode(d, fresh(inChunk), d.status(), d.reason()) : duplicateCode(d));
                }
            }
            clashes = store.existingCodes(campaign, result.stream().map(NewDelivery::managementCode).toList());
        }
        return result;
    }

    /** The input's code column repeats a code: the delivery cannot be told apart on the hotline, so it is not sent. */
    private static NewDelivery duplicateCode(NewDelivery d) {
        return withCode(d, "DUPLICATE-LINE-" + d.sourceLine(), DeliveryStatus.INVALID,
                "line " + d.sourceLine() + ": management code already used by another customer");
    }

    private String fresh(Set<String> inChunk) {
        String code;
        do {
            code = codes.generate(codePrefix);
        } while (!inChunk.add(code));
        return code;
    }

    private static NewDelivery withCode(NewDelivery d, String code, DeliveryStatus status, String reason) {
        return new NewDelivery(d.customerId(), d.sourceLine(), d.email(), d.name(), d.cohort(), code, d.fields(), status, reason);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
