package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

import jakarta.mail.Session;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.code.ManagementCodes;
import io.noticemailer.input.ImportWriter;
import io.noticemailer.input.InputReader;
import io.noticemailer.input.InputRow;
import io.noticemailer.input.InputRowReader;
import io.noticemailer.ledger.CampaignStore;
import io.noticemailer.ledger.Delivery;
import io.noticemailer.ledger.ImportStore;
import io.noticemailer.send.DueDeliveryReader;
import io.noticemailer.send.NoticeSender;
import io.noticemailer.send.RunStop;
import io.noticemailer.send.SendLedger;
import io.noticemailer.smtp.SmtpSessions;

/** The notification job: import → send → summary, with explicitly named steps and readers. */
@Configuration(proxyBeanMethods = false)
class NoticeJobConfiguration {

    static final String JOB = "noticeJob";
    static final String IMPORT_STEP = "importStep";
    static final String SEND_STEP = "sendStep";
    static final String SUMMARY_STEP = "summaryStep";

    @Bean
    Job noticeJob(JobRepository repository, Step importStep, Step sendStep, Step summaryStep) {
        return new JobBuilder(JOB, repository).start(importStep).next(sendStep).next(summaryStep).build();
    }

    @Bean
    Step importStep(JobRepository repository, PlatformTransactionManager tx, SendSettings settings,
                    InputRowReader inputRowReader, ImportWriter importWriter, ImportCompletionListener listener) {
        return new StepBuilder(IMPORT_STEP, repository).<InputRow, InputRow>chunk(settings.importChunkSize())
                .transactionManager(tx).reader(inputRowReader).writer(importWriter).listener(listener).build();
    }

    /**
     * Parallel sending without a multi-threaded step: the reader stays on the step's thread (Spring Batch
     * readers are not thread-safe), and the writer claims each chunk at once and fans it out to
     * {@code throttle.connections} workers, one SMTP connection each, which render and send; a chunk's outcomes
     * are recorded in the background while the next chunk is read, claimed and sent. Claims and records stay
     * batched, and what a crash can leave in doubt is two chunks (README, "Parallel sending").
     */
    @Bean
    Step sendStep(JobRepository repository, PlatformTransactionManager tx, SendSettings settings,
                  DueDeliveryReader dueDeliveryReader, NoticeSender noticeSender) {
        return new StepBuilder(SEND_STEP, repository).<Delivery, Delivery>chunk(settings.chunkSize())
                .transactionManager(tx).reader(dueDeliveryReader).writer(noticeSender).build();
    }

    @Bean
    Step summaryStep(JobRepository repository, PlatformTransactionManager tx, SummaryTasklet summaryTasklet) {
        return new StepBuilder(SUMMARY_STEP, repository).tasklet(summaryTasklet, tx).build();
    }

    @Bean
    @JobScope
    RunCampaign runCampaign(JobFileLoader loader,
                            @Value("#{jobParameters['" + RunParameters.JOB_FILE + "']}") String jobFile) {
        return new RunCampaign(loader.load(Path.of(jobFile)));
    }

    @Bean(name = "inputRowReader")
    @StepScope
    InputRowReader inputRowReader(InputReader inputReader, RunCampaign run, CampaignStore campaigns,
                                  @Value("#{jobParameters['" + RunParameters.INPUT + "']}") String input) {
        boolean imported = campaigns.find(run.jobFile().campaign()).map(c -> c.imported()).orElse(false);
        return new InputRowReader(inputReader, imported ? null : Path.of(input), run.jobFile().input(),
                run.jobFile().cohorts().keySet());
    }

    @Bean
    @StepScope
    ImportWriter importWriter(ImportStore store, ManagementCodes codes, RunCampaign run, Clock clock) {
        return new ImportWriter(store, codes, run.jobFile().campaign(), run.jobFile().managementCode().prefix(), clock);
    }

    @Bean(name = "dueDeliveryReader")
    @StepScope
    DueDeliveryReader dueDeliveryReader(SendLedger ledger, RunCampaign run, Clock clock, SendSettings settings, RunStop runStop,
                                        @Value("#{jobParameters['" + RunParameters.LIMIT + "']}") Long limit,
                                        NoticeSender noticeSender) {
        return new DueDeliveryReader(ledger, run.jobFile().campaign(), clock, Math.max(settings.chunkSize() * 4, 200), limit,
                runStop, noticeSender::listEnded);
    }

    /** Closed when the step ends: its connections quit. */
    @Bean(destroyMethod = "close")
    @StepScope
    NoticeSender noticeSender(SendPath sendPath, RunCampaign run,
                              @Value("#{jobParameters['" + RunParameters.OUTBOX + "']}") String outbox,
                              @Value("#{stepExecution.jobExecutionId}") Long runId) {
        return sendPath.sender(run.jobFile(), outbox, runId);
    }

    @Bean
    Session mailSession(SmtpSettings smtp) {
        Properties extra = new Properties();
        extra.putAll(smtp.propertiesOrEmpty());
        return SmtpSessions.create(extra, smtp.username());
    }
}
