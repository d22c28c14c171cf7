package io.noticemailer.job;

/** Single-runner guarantee per campaign: held for a whole run, released when the run or its process ends. */
interface CampaignLock {

    /** Takes the campaign's lock or throws {@link CampaignLockedException} at once (never waits). */
    Held acquire(String campaign);

    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
