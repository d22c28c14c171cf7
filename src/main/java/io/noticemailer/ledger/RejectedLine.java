package io.noticemailer.ledger;

/**
 * An input line that made no delivery, with the reason; {@code earlierCampaign} names the earlier campaign that
 * covers its customer when that is the reason (job file {@code previousCampaigns}), else null.
 */
public record RejectedLine(long line, String customerId, String reason, String earlierCampaign) {

    public RejectedLine(long line, String customerId, String reason) {
        this(line, customerId, reason, null);
    }
}
