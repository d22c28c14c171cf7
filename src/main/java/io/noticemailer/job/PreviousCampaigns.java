package io.noticemailer.job;

import org.springframework.stereotype.Component;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.CampaignRecord;
import io.noticemailer.ledger.CampaignStore;

/**
 * The job file's {@code previousCampaigns} must name campaigns this ledger knows and whose lists are fully
 * imported: otherwise some of their customers could not be recognised and would be mailed twice (exit 2).
 */
@Component
class PreviousCampaigns {

    private final CampaignStore campaigns;

    PreviousCampaigns(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    void check(JobFile job) {
        for (String id : job.previousCampaigns()) {
            CampaignRecord earlier = campaigns.find(id).orElseThrow(() -> new UsageException(job.path()
                    + ": previousCampaigns: campaign " + id + " is not in this ledger (check the id and SPRING_DATASOURCE_URL)"));
            if (!earlier.imported()) {
                throw new UsageException(job.path() + ": previousCampaigns: campaign " + id + " has not finished importing"
                        + " its list, so its customers are not all known yet: run it first");
            }
        }
    }
}
