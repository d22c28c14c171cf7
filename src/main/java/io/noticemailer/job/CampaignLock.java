package io.noticemailer.job;

/** Single-runner guarantee per campaign: held for a whole run, released when the run or its process ends. */
interface CampaignLock {

    /** Takes the campaign's lock or throws {@link CampaignLockedException} at once (never waits). */
    Held acquire(String campaign);

    interface Held extends AutoCloseable {

        /**
         * Confirms that the lock is still held (it lives on a database connection, which can drop), taking it
         * again when it was lost and nobody else took it; throws {@link CampaignLockLostException} when another
         * run holds it now.
         */
        default void verify() {
        }

        @Override
        void close();
    }
}
