package io.noticemailer.job;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import io.noticemailer.ledger.CampaignStore;
import io.noticemailer.ledger.LedgerCounts;
import io.noticemailer.ledger.LedgerQueries;

/** Last step: one log line with the campaign's counts, and the end time of the run in the campaign record. */
@Component
class SummaryTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(SummaryTasklet.class);

    private final LedgerQueries queries;
    private final CampaignStore campaigns;
    private final Clock clock;

    SummaryTasklet(LedgerQueries queries, CampaignStore campaigns, Clock clock) {
        this.queries = queries;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        String campaign = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobParameters()
                .getString(RunParameters.CAMPAIGN);
        LedgerCounts counts = queries.counts(campaign);
        log.info("summary campaign={} total={} rejectedLines={} statuses={}", campaign, counts.total(),
                counts.rejectedLines(), counts.statuses());
        campaigns.runEnded(campaign, clock.instant());
        return RepeatStatus.FINISHED;
    }
}
