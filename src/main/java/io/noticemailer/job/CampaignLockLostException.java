package io.noticemailer.job;

/** The run's lock was lost with its database connection and another run took it: this run stops (exit 1). */
public class CampaignLockLostException extends RuntimeException {

    public CampaignLockLostException(String message) {
        super(message);
    }
}
