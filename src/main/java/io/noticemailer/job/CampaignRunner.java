package io.noticemailer.job;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Service;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.input.InputFile;
import io.noticemailer.input.InputReader;
import io.noticemailer.ledger.CampaignRecord;
import io.noticemailer.ledger.CampaignStore;
import io.noticemailer.ledger.LedgerQueries;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.send.RunStop;

/**
 * Runs a campaign: checks everything that can stop it before any mail (relay settings, input, templates),
 * takes the campaign's lock, turns a dead run's claims into UNKNOWN, then restarts the last failed job
 * execution or starts a new pass, which only picks deliveries that are due.
 */
@Service
public class CampaignRunner {

    private static final Logger log = LoggerFactory.getLogger(CampaignRunner.class);

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job noticeJob;
    private final CampaignStore campaigns;
    private final LedgerQueries queries;
    private final CampaignLock lock;
    private final InputReader inputReader;
    private final SmtpSettings smtp;
    private final RunStop runStop;
    private final RunLease lease;
    private final StopSignals signals;
    private final CampaignInput campaignInput;
    private final PreviousCampaigns previousCampaigns;
    private final Clock clock;

    CampaignRunner(JobOperator jobOperator, JobRepository jobRepository, Job noticeJob, CampaignStore campaigns,
                   LedgerQueries queries, CampaignLock lock, InputReader inputReader, SmtpSettings smtp, RunStop runStop,
                   RunLease lease, StopSignals signals, CampaignInput campaignInput, PreviousCampaigns previousCampaigns,
                   Clock clock) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.noticeJob = noticeJob;
        this.campaigns = campaigns;
        this.queries = queries;
        this.lock = lock;
        this.inputReader = inputReader;
        this.smtp = smtp;
        this.runStop = runStop;
        this.lease = lease;
        this.signals = signals;
        this.campaignInput = campaignInput;
        this.previousCampaigns = previousCampaigns;
        this.clock = clock;
    }

    /**
     * @param whileLocked started once the lock is held and closed before it is released (the progress display and
     *                    metrics file of this run: a run that never gets the lock must not overwrite the live one's)
     */
    public RunOutcome run(RunRequest request, Supplier<? extends AutoCloseable> whileLocked) throws Exception {
        JobFile job = request.jobFile();
        if (request.outbox() == null && !smtp.configured()) {
            throw new UsageException("no SMTP relay configured: set SPRING_MAIL_HOST (and SPRING_MAIL_PORT …) or give --outbox DIR");
        }
        Path input = request.inputPath();
        previousCampaigns.check(job);
        NoticeRenderer renderer = new NoticeRenderer(job.templates());
        InputFingerprint fingerprint = inspect(input, job);
        TemplateCheck.renderAll(job, renderer, fingerprint.headers());
        if (signals.received() != null) {
            return stoppedBeforeStart(job.campaign(), signals.received());
        }
        try (CampaignLock.Held held = lock.acquire(job.campaign()); AutoCloseable watching = whileLocked.get()) {
            runStop.begin();
            signals.forwardTo(runStop);
            lease.hold(held);
            try {
                return runLocked(request, input, renderer, fingerprint);
            } finally {
                lease.end();
                runStop.end();
            }
        }
    }

    /** A signal came before the lock was taken: nothing was done, and the campaign stands as the last run left it. */
    private RunOutcome stoppedBeforeStart(String campaign, String signal) {
        boolean imported = campaigns.find(campaign).map(CampaignRecord::imported).orElse(false);
        return new RunOutcome(true, queries.counts(campaign), 0, signal + " before the run started: nothing was done", imported);
    }

    private RunOutcome runLocked(RunRequest request, Path input, NoticeRenderer renderer, InputFingerprint fingerprint)
            throws Exception {
        JobFile job = request.jobFile();
        CampaignRecord campaign = campaigns.register(job.campaign(), job.path().toString(), job.sha256(),
                renderer.templateHashes(job.cohorts().values()), clock.instant());
        boolean startOver = campaignInput.confirm(campaign, job, input, fingerprint.sha256(), fingerprint.charset());
        int unknown = queries.markStaleSendingUnknown(job.campaign(), clock.instant());
        if (unknown > 0) {
            log.warn("campaign={} {} deliveries were in flight when an earlier run died: now UNKNOWN", job.campaign(), unknown);
        }
        campaigns.runStarted(job.campaign(), clock.instant());
        JobExecution execution = jobOperator.start(noticeJob, parameters(request, input, passToRun(job.campaign(), startOver)));
        rethrowFailure(execution);
        return new RunOutcome(execution.getStatus() == BatchStatus.COMPLETED, queries.counts(job.campaign()), unknown,
                runStop.reason(), true);
    }

    private InputFingerprint inspect(Path input, JobFile job) {
        try (InputFile file = inputReader.open(input, job.input(), job.cohorts().keySet())) {
            return new InputFingerprint(file.sha256(), file.charset().name(), file.headers());
        }
    }

    /**
     * The pass of the last execution if it can be restarted, else the next pass. {@code startOver}: the partial import
     * was discarded, so the last execution is not restarted (it may have completed its import step) but abandoned.
     */
    private long passToRun(String campaign, boolean startOver) {
        int pass = campaigns.find(campaign).orElseThrow().pass();
        JobExecution last = jobRepository.getLastJobExecution(NoticeJobConfiguration.JOB, identifying(campaign, pass));
        if (last == null) {
            return pass;
        }
        if (last.getStatus().isRunning()) {
            // We hold the campaign lock, so the run that left this execution STARTED is dead.
            last = jobOperator.recover(last);
        }
        if (endNotRecorded(last)) {
            // Spring Batch could not record how it ended (the database went away) and refuses to restart it. The
            // ledger, not the job repository, says what was sent: a new pass picks up exactly what is due.
            log.warn("campaign={} the last run ended without its end being recorded: starting a new pass", campaign);
            abandon(last, "abandoned by the next run: its end was not recorded");
        } else if (startOver && last.getStatus() != BatchStatus.COMPLETED && last.getStatus() != BatchStatus.ABANDONED) {
            abandon(last, "abandoned by the next run: the list changed before its import completed");
        }
        BatchStatus status = last.getStatus();
        return status == BatchStatus.COMPLETED || status == BatchStatus.ABANDONED ? campaigns.nextPass(campaign) : pass;
    }

    private void abandon(JobExecution execution, String why) {
        execution.setStatus(BatchStatus.ABANDONED);
        execution.setExitStatus(execution.getExitStatus().addExitDescription(why));
        jobRepository.update(execution);
    }

    private static boolean endNotRecorded(JobExecution execution) {
        return execution.getStatus() == BatchStatus.UNKNOWN
                || execution.getStepExecutions().stream().anyMatch(step -> step.getStatus() == BatchStatus.UNKNOWN);
    }

    private static JobParameters identifying(String campaign, long pass) {
        return new JobParametersBuilder().addString(RunParameters.CAMPAIGN, campaign).addLong(RunParameters.PASS, pass)
                .toJobParameters();
    }

    private static JobParameters parameters(RunRequest request, Path input, long pass) {
        JobFile job = request.jobFile();
        return new JobParametersBuilder(identifying(job.campaign(), pass))
                .addString(RunParameters.JOB_FILE, job.path().toString(), false)
                .addString(RunParameters.INPUT, input.toString(), false)
                .addString(RunParameters.OUTBOX, request.outbox() == null ? "" : request.outbox().toAbsolutePath().toString(), false)
                .addLong(RunParameters.LIMIT, request.limit() == null ? Long.MAX_VALUE : request.limit(), false)
                .toJobParameters();
    }

    /** A step's exception (input unusable, relay down, ledger down) is what the operator must see. */
    private static void rethrowFailure(JobExecution execution) throws Exception {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (execution.getStatus() != BatchStatus.COMPLETED && !failures.isEmpty()) {
            Throwable first = failures.get(0);
            throw first instanceof Exception e ? e : new IllegalStateException(first);
        }
    }

    private record InputFingerprint(String sha256, String charset, List<String> headers) {
    }
}
