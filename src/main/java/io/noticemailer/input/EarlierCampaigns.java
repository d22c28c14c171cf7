package io.noticemailer.input;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.noticemailer.ledger.CoveredDelivery;
import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.ImportStore;

/**
 * The earlier campaigns a list is checked against (job file {@code previousCampaigns}): a row whose customer id,
 * or whose exact address, has a delivery there that was sent, may have been sent (UNKNOWN) or is still to be sent
 * (PENDING, DEFERRED, SENDING) is left out with a reason naming the campaign, so that a customer found later is
 * notified once. A customer the earlier campaign could not reach (FAILED, INVALID) is not left out: the new list
 * may carry a better address. Reasons never show an address.
 */
public final class EarlierCampaigns {

    /** Why a row is left out, and because of which earlier campaign. */
    public record Exclusion(String campaign, String reason) {
    }

    /** Which status decides when a customer is in several earlier campaigns: the one most likely delivered. */
    private static final List<DeliveryStatus> PRECEDENCE = List.of(DeliveryStatus.SENT, DeliveryStatus.UNKNOWN,
            DeliveryStatus.SENDING, DeliveryStatus.DEFERRED, DeliveryStatus.PENDING);

    private final ImportStore store;
    private final List<String> campaigns;

    public EarlierCampaigns(ImportStore store, List<String> campaigns) {
        this.store = store;
        this.campaigns = List.copyOf(campaigns);
    }

    public boolean none() {
        return campaigns.isEmpty();
    }

    /** The rows (by line) that earlier campaigns cover; rows without a customer id are never among them. */
    public Map<Long, Exclusion> excluded(List<? extends InputRow> rows) {
        if (campaigns.isEmpty() || rows.isEmpty()) {
            return Map.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Set<String> emails = new LinkedHashSet<>();
        for (InputRow row : rows) {
            if (row.hasCustomerId()) {
                ids.add(row.customerId());
                if (row.email() != null && !row.email().isEmpty()) {
                    emails.add(row.email());
                }
            }
        }
        Map<String, CoveredDelivery> byCustomer = new HashMap<>();
        Map<String, CoveredDelivery> byEmail = new HashMap<>();
        for (String campaign : campaigns) {
            for (CoveredDelivery covered : store.covered(campaign, ids, emails)) {
                byCustomer.merge(covered.customerId(), covered, EarlierCampaigns::likelierDelivered);
                byEmail.merge(covered.email(), covered, EarlierCampaigns::likelierDelivered);
            }
        }
        Map<Long, Exclusion> excluded = new HashMap<>();
        for (InputRow row : rows) {
            if (!row.hasCustomerId()) {
                continue;
            }
            CoveredDelivery same = byCustomer.get(row.customerId());
            CoveredDelivery sameAddress = row.email() == null ? null : byEmail.get(row.email());
            if (same != null) {
                excluded.put(row.line(), new Exclusion(same.campaign(), "line " + row.line() + ": customer " + row.customerId()
                        + " " + what(same) + " in campaign " + same.campaign() + " (" + same.status() + " there): not imported"));
            } else if (sameAddress != null) {
                excluded.put(row.line(), new Exclusion(sameAddress.campaign(), "line " + row.line() + ": the address of customer "
                        + row.customerId() + " " + what(sameAddress) + " in campaign " + sameAddress.campaign() + " as customer "
                        + sameAddress.customerId() + " (" + sameAddress.status() + " there): not imported"));
            }
        }
        return excluded;
    }

    private static String what(CoveredDelivery covered) {
        return switch (covered.status()) {
            case SENT -> "was already notified";
            case UNKNOWN -> "may already have been notified";
            default -> "is still to be notified";
        };
    }

    private static CoveredDelivery likelierDelivered(CoveredDelivery a, CoveredDelivery b) {
        Comparator<CoveredDelivery> order = Comparator.comparingInt(c -> PRECEDENCE.indexOf(c.status()));
        return order.compare(a, b) <= 0 ? a : b;
    }
}
