package io.noticemailer.input;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DuplicateKeyException;

import io.noticemailer.code.ManagementCodes;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.ImportStore;
import io.noticemailer.ledger.NewDelivery;
import io.noticemailer.ledger.RejectedLine;

/**
 * Writes input rows to the ledger, idempotently: a line already imported (same customer, same line) is
 * skipped, so a restarted or repeated import adds nothing. Every line ends as exactly one delivery
 * (PENDING or INVALID) or one rejected line (no customer id, a customer id an earlier line took, or a customer
 * an earlier campaign covers: see {@link EarlierCampaigns}, read from the campaign's record on the first chunk).
 * A chunk is written without looking anything up first when it cannot hold such a line (see
 * {@link #writeFresh}): three queries per chunk saved, and the ledger's unique keys still decide.
 */
public class ImportWriter implements ItemWriter<InputRow> {

    private final ImportStore store;
    private final ManagementCodes codes;
    private final String campaign;
    private final String codePrefix;
    private final Clock clock;
    /** Read from the ledger on the first chunk; -1 until then. */
    private long lastImportedLine = -1;
    /** Read from the ledger on the first chunk; null until then. */
    private EarlierCampaigns earlier;

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
        Map<Long, EarlierCampaigns.Exclusion> excluded = earlier().excluded(rows);
        if (rows.get(0).line() > lastImportedLine() && writeFresh(rows, excluded)) {
            return;
        }
        writeCarefully(rows, excluded);
    }

    /**
     * The common case, without a lookup: no line of the chunk is in the ledger yet (it starts after where an
     * interrupted import stopped) and no customer id or code is taken. The ledger's unique keys check that
     * assumption; when one does not hold, the chunk is written the careful way, which skips what is already in.
     */
    private boolean writeFresh(List<? extends InputRow> rows, Map<Long, EarlierCampaigns.Exclusion> excluded) {
        Lines lines = sort(rows, new HashMap<>(), Set.of(), excluded);
        try {
            store.insert(campaign, withUniqueCodes(lines.deliveries(), codes -> Set.of()), lines.rejected(), clock.instant());
            return true;
        } catch (DuplicateKeyException clash) {
            return false;
        }
    }

    private void writeCarefully(List<? extends InputRow> rows, Map<Long, EarlierCampaigns.Exclusion> excluded) {
        Map<String, Long> taken = new HashMap<>(store.existingCustomers(campaign,
                rows.stream().filter(InputRow::hasCustomerId).map(InputRow::customerId).distinct().toList()));
        Set<Long> rejectedBefore = store.existingRejectedLines(campaign, rows.get(0).line(), rows.get(rows.size() - 1).line());
        Lines lines = sort(rows, taken, rejectedBefore, excluded);
        store.insert(campaign, withUniqueCodes(lines.deliveries(), codes -> store.existingCodes(campaign, codes)),
                lines.rejected(), clock.instant());
    }

    private EarlierCampaigns earlier() {
        if (earlier == null) {
            earlier = new EarlierCampaigns(store, store.previousCampaigns(campaign));
        }
        return earlier;
    }

    private long lastImportedLine() {
        if (lastImportedLine < 0) {
            lastImportedLine = store.lastImportedLine(campaign);
        }
        return lastImportedLine;
    }

    /** Each line not already recorded becomes a delivery or a rejected line; {@code taken} gains the new customers. */
    private static Lines sort(List<? extends InputRow> rows, Map<String, Long> taken, Set<Long> rejectedBefore,
                              Map<Long, EarlierCampaigns.Exclusion> excluded) {
        List<NewDelivery> deliveries = new ArrayList<>(rows.size());
        List<RejectedLine> rejected = new ArrayList<>();
        for (InputRow row : rows) {
            if (rejectedBefore.contains(row.line())) {
                continue;
            }
            Long firstLine = taken.get(row.customerId());
            EarlierCampaigns.Exclusion earlier = excluded.get(row.line());
            if (!row.hasCustomerId()) {
                rejected.add(new RejectedLine(row.line(), null, row.problem()));
            } else if (earlier != null) {
                rejected.add(new RejectedLine(row.line(), row.customerId(), earlier.reason(), earlier.campaign()));
            } else if (firstLine == null) {
                taken.put(row.customerId(), row.line());
                deliveries.add(delivery(row));
            } else if (firstLine != row.line()) {
                rejected.add(new RejectedLine(row.line(), row.customerId(),
                        "line " + row.line() + ": customer id already on line " + firstLine + " (the first line wins)"));
            }
        }
        return new Lines(deliveries, rejected);
    }

    private static NewDelivery delivery(InputRow row) {
        DeliveryStatus status = row.valid() ? DeliveryStatus.PENDING : DeliveryStatus.INVALID;
        return new NewDelivery(row.customerId(), row.line(), nullToEmpty(row.email()), nullToEmpty(row.name()),
                nullToEmpty(row.cohort()), row.managementCode(), row.fields(), status, row.problem());
    }

    /**
     * Gives each delivery a code no other delivery of the campaign has. A generated code that collides is
     * drawn again; a code taken from the input that is already used makes that delivery INVALID.
     */
    private List<NewDelivery> withUniqueCodes(List<NewDelivery> deliveries, Function<Set<String>, Set<String>> takenInLedger) {
        List<NewDelivery> result = new ArrayList<>(deliveries.size());
        Set<String> inChunk = new HashSet<>();
        for (NewDelivery d : deliveries) {
            if (d.managementCode() == null) {
                result.add(withCode(d, fresh(inChunk), d.status(), d.reason()));
            } else {
                result.add(inChunk.add(d.managementCode()) ? d : duplicateCode(d));
            }
        }
        Set<String> clashes = takenInLedger.apply(inChunk);
        while (!clashes.isEmpty()) {
            for (int i = 0; i < result.size(); i++) {
                NewDelivery d = result.get(i);
                if (clashes.contains(d.managementCode())) {
                    boolean generated = deliveries.get(i).managementCode() == null;
                    result.set(i, generated ? withCode(d, fresh(inChunk), d.status(), d.reason()) : duplicateCode(d));
                }
            }
            clashes = takenInLedger.apply(result.stream().map(NewDelivery::managementCode).collect(Collectors.toSet()));
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

    private record Lines(List<NewDelivery> deliveries, List<RejectedLine> rejected) {
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
