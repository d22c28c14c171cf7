package io.noticemailer.job;

import org.springframework.stereotype.Component;

/** The lock of the run in progress, for the send step to {@link #verify() verify} before each claim. */
@Component
class RunLease {

    private volatile CampaignLock.Held held;

    void hold(CampaignLock.Held lock) {
        held = lock;
    }

    void end() {
        held = null;
    }

    /** See {@link CampaignLock.Held#verify()}; nothing to do outside a run. */
    void verify() {
        CampaignLock.Held lock = held;
        if (lock != null) {
            lock.verify();
        }
    }
}
