package io.noticemailer.ledger;

import java.util.Map;

/** A delivery made by the import: PENDING, or INVALID with the reason naming line and field. */
public record NewDelivery(String customerId, long sourceLine, String email, String name, String cohort,
                          String managementCode, Map<String, String> fields, DeliveryStatus status, String reason) {

    @Override
    public String toString() {
        return "NewDelivery[line=" + sourceLine + ", customerId=" + customerId + ", status=" + status + "]";
    }
}
