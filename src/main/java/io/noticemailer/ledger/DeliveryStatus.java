package io.noticemailer.ledger;

/** Where one delivery stands (CONTRACT: "Delivery statuses"). */
public enum DeliveryStatus {
    /** Imported, not yet tried. */
    PENDING,
    /** Claimed by a run and being sent; left behind only by a run that died. */
    SENDING,
    /** Accepted by the SMTP server (or written to the outbox). */
    SENT,
    /** Failed for now; tried again when next_attempt_at is due. */
    DEFERRED,
    /** Permanently failed or given up. */
    FAILED,
    /** The input row is unusable; never sent. */
    INVALID,
    /** In doubt: the process stopped between claiming and recording. Never re-sent without an operator. */
    UNKNOWN;

    /** Final statuses need nothing more from a run. */
    public boolean isFinal() {
        return this == SENT || this == FAILED || this == INVALID;
    }
}
