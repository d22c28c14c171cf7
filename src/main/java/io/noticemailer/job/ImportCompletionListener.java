package io.noticemailer.job;

import java.time.Clock;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

import io.noticemailer.ledger.CampaignStore;

/** Marks the campaign imported once the import step has read the whole file, so later passes skip it. */
@Component
class ImportCompletionListener implements StepExecutionListener {

    private final CampaignStore campaigns;
    private final Clock clock;

    ImportCompletionListener(CampaignStore campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        if (ExitStatus.COMPLETED.equals(stepExecution.getExitStatus())) {
            String campaign = stepExecution.getJobExecution().getJobParameters().getString(RunParameters.CAMPAIGN);
            campaigns.markImported(campaign, clock.instant());
        }
        return stepExecution.getExitStatus();
    }
}
