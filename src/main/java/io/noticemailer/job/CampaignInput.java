package io.noticemailer.job;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.CampaignRecord;
import io.noticemailer.ledger.CampaignStore;

/**
 * What a campaign's list is: the input file (its SHA-256) and the earlier campaigns whose customers it leaves out.
 * Both are recorded on the first run. A later run with another file or other earlier campaigns is accepted while
 * the import has not completed and nothing can have been sent (the send step only runs after a completed import,
 * and the ledger shows no attempt): the partial import is discarded and the list imported afresh. Once the import
 * completed it is refused: exit 65 for another file, exit 2 for other earlier campaigns.
 */
@Component
class CampaignInput {

    private static final Logger log = LoggerFactory.getLogger(CampaignInput.class);

    private final CampaignStore campaigns;

    CampaignInput(CampaignStore campaigns) {
        this.campaigns = campaigns;
    }

    /** @return true when a partial import was discarded: the list must be imported from the top, in a new pass */
    boolean confirm(CampaignRecord campaign, JobFile job, Path input, String sha256, String charset) {
        List<String> previous = job.previousCampaigns();
        if (campaign.inputSha256() == null) {
            campaigns.recordInput(campaign.id(), input.toString(), sha256, charset);
            campaigns.recordPreviousCampaigns(campaign.id(), previous);
            return false;
        }
        List<String> recordedPrevious = campaigns.previousCampaigns(campaign.id());
        boolean sameInput = campaign.inputSha256().equals(sha256);
        if (sameInput && recordedPrevious.equals(previous)) {
            return false;
        }
        CampaignStore.Discarded discarded = campaign.imported() ? null
                : campaigns.replaceUnimportedInput(campaign.id(), input.toString(), sha256, charset, previous);
        if (discarded != null) {
            log.warn("campaign={} its list changed before its import completed, and nothing was sent: the partial import"
                    + " ({} deliveries, {} rejected lines) of {} sha256 {} previousCampaigns {} is discarded; importing {}"
                    + " sha256 {} previousCampaigns {}", campaign.id(), discarded.deliveries(), discarded.rejectedLines(),
                    campaign.inputFile(), campaign.inputSha256(), recordedPrevious, input, sha256, previous);
            return true;
        }
        if (!sameInput) {
            throw new InputChangedException(input + ": differs from the input campaign " + campaign.id()
                    + " was imported from (" + campaign.inputFile() + ", sha256 " + campaign.inputSha256() + "); a campaign's"
                    + " list cannot change once imported. For customers found later, start a new campaign (a new job file and"
                    + " campaign id) with previousCampaigns: [" + campaign.id() + "]: nobody " + campaign.id()
                    + " notified or is still to notify is mailed again");
        }
        throw new UsageException(job.path() + ": previousCampaigns " + previous + " differs from " + recordedPrevious
                + ", which campaign " + campaign.id() + " was imported with: who is left out is decided at import."
                + " Put it back, or start a new campaign for the customers it should leave out");
    }
}
