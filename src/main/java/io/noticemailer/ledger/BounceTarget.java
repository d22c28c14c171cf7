package io.noticemailer.ledger;

import java.time.Instant;

/** A delivery a bounce may belong to: enough to decide whether to record it, never printed with its address. */
public record BounceTarget(long id, String campaign, String customerId, String email, DeliveryStatus status,
                           Instant sentAt, boolean bounced) {

    @Override
    public String toString() {
        return "BounceTarget[id=" + id + ", campaign=" + campaign + ", customerId=" + customerId + ", status=" + status
                + "]";
    }
}
