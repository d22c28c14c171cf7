package io.noticemailer.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The campaign table: the fingerprints of what a campaign was started from, and its pass counter. */
@Repository
public class CampaignStore {

    private final JdbcTemplate jdbc;

    CampaignStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CampaignRecord> find(String campaign) {
        return jdbc.query(LedgerSql.FIND_CAMPAIGN, (rs, n) -> new CampaignRecord(rs.getString("id"),
                rs.getString("job_file_sha256"), rs.getString("input_file"), rs.getString("input_sha256"),
                rs.getString("input_charset"), rs.getInt("pass"),
                UtcTimes.fromDb(rs.getObject("created_at", LocalDateTime.class)),
                UtcTimes.fromDb(rs.getObject("imported_at", LocalDateTime.class))), campaign).stream().findFirst();
    }

    /** Creates the campaign on its first run, or refreshes the job file and template fingerprints of a later one. */
    public CampaignRecord register(String campaign, String jobFile, String jobFileSha256, Map<String, String> templateSha256,
                                   Instant now) {
        String templates = new TreeMap<>(templateSha256).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
        if (find(campaign).isEmpty()) {
            jdbc.update(LedgerSql.INSERT_CAMPAIGN, campaign, jobFile, jobFileSha256, templates, UtcTimes.toDb(now));
        } else {
            jdbc.update(LedgerSql.UPDATE_CAMPAIGN_DEFINITION, jobFile, jobFileSha256, templates, campaign);
        }
        return find(campaign).orElseThrow();
    }

    /** Records the input's fingerprint the first time; later calls leave it as it was. */
    public void recordInput(String campaign, String inputFile, String sha256, String charset) {
        jdbc.update(LedgerSql.RECORD_INPUT, inputFile, sha256, charset, campaign);
    }

    /** Records the earlier campaigns whose customers the campaign's import leaves out (previousCampaigns). */
    public void recordPreviousCampaigns(String campaign, List<String> previousCampaigns) {
        jdbc.update(LedgerSql.RECORD_PREVIOUS_CAMPAIGNS, String.join(",", previousCampaigns), campaign);
    }

    /** The earlier campaigns recorded for the campaign's import (empty: none, or recorded before they existed). */
    public List<String> previousCampaigns(String campaign) {
        return previousCampaigns(jdbc, campaign);
    }

    static List<String> previousCampaigns(JdbcTemplate jdbc, String campaign) {
        List<String> recorded = jdbc.queryForList(LedgerSql.PREVIOUS_CAMPAIGNS, String.class, campaign);
        String list = recorded.isEmpty() ? null : recorded.get(0);
        return list == null || list.isEmpty() ? List.of() : Arrays.asList(list.split(","));
    }

    /** What an input replaced before its import completed left behind, now deleted. */
    public record Discarded(int deliveries, int rejectedLines) {
    }

    /**
     * Replaces the input of a campaign whose import has not completed: the partial import is deleted and the new
     * file's fingerprint recorded, in one transaction. Refused (null, nothing changed) when any delivery shows an
     * attempt, a claim or an outcome, or when the import completed meanwhile: then something may have been sent.
     */
    @Transactional
    public Discarded replaceUnimportedInput(String campaign, String inputFile, String sha256, String charset,
                                            List<String> previousCampaigns) {
        Long attempted = jdbc.queryForObject(LedgerSql.COUNT_EVER_ATTEMPTED, Long.class, campaign, campaign);
        if (attempted == null || attempted > 0) {
            return null;
        }
        int replaced = jdbc.update(LedgerSql.REPLACE_INPUT, inputFile, sha256, charset, String.join(",", previousCampaigns),
                campaign);
        if (replaced == 0) {
            return null;
        }
        int rejected = jdbc.update(LedgerSql.DISCARD_REJECTED_LINES, campaign);
        return new Discarded(jdbc.update(LedgerSql.DISCARD_DELIVERIES, campaign), rejected);
    }

    public void markImported(String campaign, Instant now) {
        jdbc.update(LedgerSql.MARK_IMPORTED, UtcTimes.toDb(now), campaign);
    }

    public int nextPass(String campaign) {
        jdbc.update(LedgerSql.NEXT_PASS, campaign);
        return find(campaign).orElseThrow().pass();
    }

    public void runStarted(String campaign, Instant now) {
        jdbc.update(LedgerSql.RUN_STARTED, UtcTimes.toDb(now), campaign);
    }

    public void runEnded(String campaign, Instant now) {
        jdbc.update(LedgerSql.RUN_ENDED, UtcTimes.toDb(now), campaign);
    }
}
