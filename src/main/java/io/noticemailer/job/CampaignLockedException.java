package io.noticemailer.job;

/** Another live run holds the campaign (exit 3): this one did nothing. */
public class CampaignLockedException extends RuntimeException {

    public CampaignLockedException(String message) {
        super(message);
    }
}
