package io.noticemailer.ledger;

/** A delivery of an earlier campaign that covers a customer of a later list: by customer id, or by address. */
public record CoveredDelivery(String campaign, String customerId, String email, DeliveryStatus status) {

    @Override
    public String toString() {
        // never the address
        return "CoveredDelivery[campaign=" + campaign + ", customerId=" + customerId + ", status=" + status + "]";
    }
}
