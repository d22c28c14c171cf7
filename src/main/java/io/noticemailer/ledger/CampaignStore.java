package io.noticemailer.ledger;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

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
