package io.noticemailer.send;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.noticemailer.ledger.Delivery;

/**
 * What the send path needs from the delivery ledger. Every method commits before it returns, whatever
 * transaction the caller is in, so that a claim is durable before any byte of the message is sent.
 */
public interface SendLedger {

    /** Due deliveries (PENDING, or DEFERRED whose next attempt has come) with id above {@code afterId}, by id. */
    List<Delivery> findDue(String campaign, long afterId, Instant now, int max);

    /**
     * Claims the due deliveries among {@code ids} for this run (→ SENDING) and returns the ids it got.
     * A delivery already claimed, sent or no longer due is not returned: what is not returned is not sent.
     */
    Set<Long> claim(Collection<Long> ids, long claimToken, long runId, Instant now);

    /**
     * Records outcomes of deliveries claimed under {@code claimToken}, with one attempt-history row each; an
     * outcome also replaces the UNKNOWN a later run made of its still claimed delivery. Returns how many
     * outcomes matched no such delivery (claimed under another token by now, or recorded already): those are
     * not recorded.
     */
    int record(List<DeliveryOutcome> outcomes, long claimToken, long runId);

    /** Gives back claimed deliveries that were never attempted, so they stay due. */
    void release(Collection<Long> ids, long claimToken, Instant now);

    /**
     * Makes deliveries that this run recorded DEFERRED or FAILED because of a relay-level problem (not the
     * recipient's) due again at once, with the requeue's reason in their attempt history; one that an earlier
     * run already requeued for the same failure is FAILED instead when {@link Requeue#giveUpOnRepeat()}.
     * Returns the ids failed so. Idempotent: what this run already requeued or failed so is left alone.
     */
    Set<Long> requeue(Collection<Long> ids, long runId, Instant now, Requeue requeue);
}
