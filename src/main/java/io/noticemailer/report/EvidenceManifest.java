package io.noticemailer.report;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.CampaignFacts;
import io.noticemailer.ledger.CampaignRun;
import io.noticemailer.ledger.LedgerCounts;

/**
 * The evidence package's {@code manifest.json}: what the campaign was run from (input, job file and templates
 * with their SHA-256s, as recorded at the last run and as they are now), by which software and settings
 * (no secrets), when it ran, and the counts.
 */
final class EvidenceManifest {

    private final JobFile job;
    private final CampaignFacts facts;
    private final ReportTimes utc;

    EvidenceManifest(JobFile job, CampaignFacts facts, ReportTimes utc) {
        this.job = job;
        this.facts = facts;
        this.utc = utc;
    }

    Map<String, Object> build(String softwareVersion, Instant now, String jobCopy, Map<String, String> templateSha256,
                              Map<String, Object> settings, List<CampaignRun> runs, ZoneId batchZone, LedgerCounts counts,
                              Map<String, Long> rows) {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("campaign", job.campaign());
        manifest.put("generatedAt", utc.format(now));
        manifest.put("software", Map.of("name", "notice-mailer", "version", softwareVersion));
        manifest.put("input", input());
        manifest.put("jobFile", jobFile(jobCopy));
        manifest.put("templates", templates(templateSha256));
        manifest.put("configuration", Map.of("job", jobSettings(), "runtime", settings));
        manifest.put("runs", runs(runs, batchZone));
        manifest.put("counts", counts.asJson());
        manifest.put("files", rows);
        return manifest;
    }

    private Map<String, Object> input() {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("file", facts.inputFile());
        input.put("sha256", facts.inputSha256());
        input.put("charset", facts.inputCharset());
        input.put("importedAt", utc.format(facts.importedAt()));
        return input;
    }

    private Map<String, Object> jobFile(String jobCopy) {
        Map<String, Object> jobFile = new LinkedHashMap<>();
        jobFile.put("path", job.path().toString());
        jobFile.put("copy", jobCopy);
        jobFile.put("sha256", job.sha256());
        jobFile.put("sha256AtLastRun", facts.jobFileSha256());
        jobFile.put("unchangedSinceLastRun", job.sha256().equals(facts.jobFileSha256()));
        return jobFile;
    }

    private Map<String, Object> templates(Map<String, String> now) {
        Map<String, String> atLastRun = new TreeMap<>();
        for (String pair : facts.templateSha256().split(";")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                atLastRun.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        Map<String, Object> templates = new LinkedHashMap<>();
        now.forEach((file, sha) -> {
            Map<String, Object> template = new LinkedHashMap<>();
            template.put("copy", "templates/" + file);
            template.put("sha256", sha);
            template.put("sha256AtLastRun", atLastRun.get(file));
            template.put("unchangedSinceLastRun", sha.equals(atLastRun.get(file)));
            templates.put(file, template);
        });
        return templates;
    }

    /** The job file's settings; none of them is secret (passwords never go in a job file). */
    private Map<String, Object> jobSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("sender", job.sender().displayName() + " <" + job.sender().address() + ">");
        settings.put("envelopeFrom", job.sender().envelopeFrom());
        settings.put("cohorts", job.cohorts());
        settings.put("hotline", Map.of("phone", job.hotline().phone(), "hours", job.hotline().hours()));
        settings.put("managementCode", String.valueOf(job.managementCode()));
        settings.put("zone", job.zone().getId());
        settings.put("charset", job.charset());
        settings.put("retry", String.valueOf(job.retry()));
        settings.put("throttle", String.valueOf(job.throttle()));
        settings.put("sendWindow", job.sendWindow() == null ? null : job.sendWindow().toString());
        settings.put("dkim", job.dkim() == null ? null : job.dkim().domain() + " selector " + job.dkim().selector());
        return settings;
    }

    private Map<String, Object> runs(List<CampaignRun> runs, ZoneId batchZone) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("lastRunStart", utc.format(facts.lastRunStart()));
        result.put("lastRunEnd", utc.format(facts.lastRunEnd()));
        result.put("batchTimesZone", batchZone.getId());
        List<Map<String, Object>> executions = new ArrayList<>();
        for (CampaignRun run : runs) {
            Map<String, Object> execution = new LinkedHashMap<>();
            execution.put("executionId", run.executionId());
            execution.put("start", run.start() == null ? null : run.start().toString());
            execution.put("end", run.end() == null ? null : run.end().toString());
            execution.put("status", run.status());
            execution.put("exitCode", run.exitCode());
            executions.add(execution);
        }
        result.put("executions", executions);
        return result;
    }
}
