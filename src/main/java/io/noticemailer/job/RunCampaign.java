package io.noticemailer.job;

import io.noticemailer.campaign.JobFile;

/**
 * The job file of the running job, loaded once per job execution from its {@code jobFile} parameter.
 * A class rather than the record itself because job-scoped beans are proxied by subclassing.
 */
class RunCampaign {

    private final JobFile jobFile;

    RunCampaign(JobFile jobFile) {
        this.jobFile = jobFile;
    }

    JobFile jobFile() {
        return jobFile;
    }
}
