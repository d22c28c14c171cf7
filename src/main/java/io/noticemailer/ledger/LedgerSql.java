package io.noticemailer.ledger;

/** Every statement on the ledger tables, named and kept together. */
final class LedgerSql {

    private LedgerSql() {
    }

    private static final String DELIVERY_COLUMNS = "id, campaign_id, customer_id, source_line, email, name, cohort, "
            + "management_code, fields, status, attempts, created_at, retry_since, message_id";

    /*
     * The due deliveries are read one status at a time: each query walks ix_delivery_due (campaign, status, id)
     * from the last id in order and stops at its LIMIT. With both statuses in one IN list, MariaDB reads every
     * due row after the last id and sorts them, for every page: quadratic in the length of the list.
     */
    static final String FIND_PENDING = "SELECT " + DELIVERY_COLUMNS + " FROM delivery"
            + " WHERE campaign_id = ? AND status = 'PENDING' AND id > ? ORDER BY id LIMIT ?";

    static final String FIND_DUE_DEFERRED = "SELECT " + DELIVERY_COLUMNS + " FROM delivery"
            + " WHERE campaign_id = ? AND status = 'DEFERRED' AND id > ?"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?) ORDER BY id LIMIT ?";

    static final String FIND_BY_CUSTOMER = "SELECT " + DELIVERY_COLUMNS + " FROM delivery"
            + " WHERE campaign_id = ? AND customer_id = ?";

    /**
     * The conditional update that makes claim-before-send hold: it only takes the due deliveries among the ids, one
     * statement for the whole chunk. The first claim starts the retry lifetime; retry_since comes before attempts
     * because MySQL and MariaDB evaluate a single-table SET left to right (H2 reads the old row throughout: the same
     * result). The first %s is {@link #primaryKeyOnly}, the second the ids' placeholders.
     */
    static final String CLAIM_AMONG = "UPDATE delivery%s SET status = 'SENDING', claim_token = ?, run_id = ?, claimed_at = ?,"
            + " retry_since = CASE WHEN attempts = 0 THEN ? ELSE retry_since END, attempts = attempts + 1, updated_at = ?"
            + " WHERE id IN (%s) AND status IN ('PENDING', 'DEFERRED') AND (next_attempt_at IS NULL OR next_attempt_at <= ?)";

    /** By primary key: claim_token has no index of its own (V70). */
    static final String CLAIMED_AMONG = "SELECT id FROM delivery WHERE claim_token = ? AND status = 'SENDING' AND id IN (%s)"
            + " ORDER BY id";

    /**
     * What an outcome recorded under a claim token may still change: its SENDING rows, or the UNKNOWN a later run
     * made of them. Locked, so that the outcomes and their history rows are written for exactly these rows. The first
     * %s is {@link #primaryKeyOnly}, the second the ids' placeholders.
     */
    static final String LOCK_RECORDABLE_AMONG = "SELECT id FROM delivery%s WHERE claim_token = ?"
            + " AND status IN ('SENDING', 'UNKNOWN') AND id IN (%s) ORDER BY id FOR UPDATE";

    /** One outcome at a time (H2, which has no multi-table UPDATE). */
    static final String RECORD = "UPDATE delivery SET status = ?, last_reply_code = ?, last_enhanced_code = ?,"
            + " last_reply_text = ?, reason = ?, message_id = ?, sent_at = ?, next_attempt_at = ?, updated_at = ?,"
            + " mail_charset = ?, claim_token = NULL WHERE id = ? AND status IN ('SENDING', 'UNKNOWN') AND claim_token = ?";

    /**
     * A chunk's outcomes in one statement (MySQL and MariaDB): the delivery rows joined to the outcomes, given as a
     * derived table of {@link #OUTCOME_ROW}s (the first named, the others UNION ALL {@link #NEXT_OUTCOME_ROW}).
     */
    static final String RECORD_AMONG = "UPDATE delivery d FORCE INDEX (PRIMARY) JOIN (%s) o ON o.id = d.id"
            + " SET d.status = o.status, d.last_reply_code = o.reply_code, d.last_enhanced_code = o.enhanced_code,"
            + " d.last_reply_text = o.reply_text, d.reason = o.reason, d.message_id = o.message_id,"
            + " d.sent_at = CASE WHEN o.status = 'SENT' THEN o.at END, d.next_attempt_at = o.next_attempt_at,"
            + " d.updated_at = o.at, d.mail_charset = o.charset, d.claim_token = NULL"
            + " WHERE d.status IN ('SENDING', 'UNKNOWN') AND d.claim_token = ?";

    static final String OUTCOME_ROW = "SELECT ? AS id, ? AS status, ? AS reply_code, ? AS enhanced_code, ? AS reply_text,"
            + " ? AS reason, ? AS message_id, ? AS at, ? AS next_attempt_at, ? AS charset";

    static final String NEXT_OUTCOME_ROW = " UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

    /**
     * The history row of each outcome just recorded, copied from the delivery row that now holds it (the same values
     * the outcome wrote), so that a chunk's history costs one statement and no values sent again. Only for the rows
     * {@link #LOCK_RECORDABLE_AMONG} locked. The first %s is {@link #primaryKeyOnly}, the second the ids' placeholders.
     */
    static final String HISTORY_FOR_RECORDED = "INSERT INTO delivery_attempt"
            + " (delivery_id, attempted_at, outcome, reply_code, enhanced_code, reply_text, detail, run_id)"
            + " SELECT id, updated_at, status, last_reply_code, last_enhanced_code, last_reply_text, reason, ?"
            + " FROM delivery%s WHERE id IN (%s) ORDER BY id";

    static final String RELEASE = "UPDATE delivery SET status = CASE WHEN attempts > 1 THEN 'DEFERRED' ELSE 'PENDING' END,"
            + " attempts = attempts - 1, claim_token = NULL, updated_at = ?"
            + " WHERE id = ? AND status = 'SENDING' AND claim_token = ?";

    /**
     * A relay-level failure is not the recipient's: due again at once, DEFERRED (the attempt stays in the
     * history); or FAILED when the relay breaker blamed it before for the same failure.
     */
    static final String REQUEUE = "UPDATE delivery SET status = ?, next_attempt_at = NULL, reason = ?, updated_at = ?"
            + " WHERE id = ? AND run_id = ? AND status IN ('DEFERRED', 'FAILED')";

    static final String HISTORY_FOR_REQUEUE = "INSERT INTO delivery_attempt (delivery_id, attempted_at, outcome, detail, run_id)"
            + " SELECT id, ?, ?, ?, run_id FROM delivery WHERE id = ? AND run_id = ? AND status IN ('DEFERRED', 'FAILED')";

    /** What the relay breaker (detail LIKE its tag) and the operator's resends did to deliveries, in order. */
    static final String REQUEUE_HISTORY = "SELECT delivery_id, run_id, outcome, detail FROM delivery_attempt"
            + " WHERE delivery_id IN (%s) AND (outcome = 'RESEND' OR detail LIKE ?) ORDER BY id";

    /** Messages handed to a relay since a time (the daily quota): accepted, in doubt, or answered with a reply. */
    static final String HANDED_OVER_SINCE = "SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id"
            + " WHERE d.campaign_id = ? AND a.attempted_at >= ? AND a.run_id IS NOT NULL"
            + " AND (a.outcome IN ('SENT', 'UNKNOWN') OR a.reply_code IS NOT NULL)";

    static final String INSERT_ATTEMPT = "INSERT INTO delivery_attempt"
            + " (delivery_id, attempted_at, outcome, reply_code, enhanced_code, reply_text, detail, run_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";

    static final String HISTORY_FOR_STALE_SENDING = "INSERT INTO delivery_attempt"
            + " (delivery_id, attempted_at, outcome, detail, run_id)"
            + " SELECT id, ?, 'UNKNOWN', ?, run_id FROM delivery WHERE campaign_id = ? AND status = 'SENDING'";

    /** The claim token stays: a late record of the run that claimed them may still tell what became of them. */
    static final String STALE_SENDING_TO_UNKNOWN = "UPDATE delivery SET status = 'UNKNOWN', reason = ?,"
            + " updated_at = ? WHERE campaign_id = ? AND status = 'SENDING'";

    static final String EXISTING_CUSTOMERS = "SELECT customer_id, source_line FROM delivery WHERE campaign_id = ? AND customer_id IN (%s)";

    static final String EXISTING_CODES = "SELECT management_code FROM delivery WHERE campaign_id = ? AND management_code IN (%s)";

    static final String LAST_IMPORTED_LINE = "SELECT GREATEST("
            + "(SELECT COALESCE(MAX(source_line), 0) FROM delivery WHERE campaign_id = ?),"
            + " (SELECT COALESCE(MAX(line_no), 0) FROM rejected_line WHERE campaign_id = ?))";

    static final String EXISTING_REJECTED_LINES = "SELECT line_no FROM rejected_line WHERE campaign_id = ? AND line_no BETWEEN ? AND ?";

    /** Multi-row inserts ({@link MultiRowInsert}): the statement head, then one row's values, repeated. */
    static final String INSERT_DELIVERIES = "INSERT INTO delivery (campaign_id, customer_id, source_line, email, name, cohort,"
            + " management_code, fields, status, attempts, reason, created_at, retry_since, updated_at) VALUES";

    static final String DELIVERY_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)";

    static final String INSERT_REJECTED_LINES = "INSERT INTO rejected_line (campaign_id, line_no, customer_id, reason,"
            + " earlier_campaign) VALUES";

    static final String REJECTED_LINE_VALUES = "(?, ?, ?, ?, ?)";

    static final String COUNT_BY_COHORT_AND_STATUS = "SELECT cohort, status, COUNT(*) FROM delivery WHERE campaign_id = ?"
            + " GROUP BY cohort, status";

    static final String COUNT_SENT_BY_CHARSET = "SELECT mail_charset, COUNT(*) FROM delivery WHERE campaign_id = ?"
            + " AND status = 'SENT' AND mail_charset IS NOT NULL GROUP BY mail_charset ORDER BY mail_charset";

    static final String COUNT_REJECTED = "SELECT COUNT(*) FROM rejected_line WHERE campaign_id = ?";

    static final String FIND_CAMPAIGN = "SELECT id, job_file_sha256, input_file, input_sha256, input_charset, pass, created_at,"
            + " imported_at FROM campaign WHERE id = ?";

    static final String INSERT_CAMPAIGN = "INSERT INTO campaign (id, job_file, job_file_sha256, template_sha256, pass, created_at)"
            + " VALUES (?, ?, ?, ?, 1, ?)";

    static final String UPDATE_CAMPAIGN_DEFINITION = "UPDATE campaign SET job_file = ?, job_file_sha256 = ?, template_sha256 = ? WHERE id = ?";

    static final String RECORD_INPUT = "UPDATE campaign SET input_file = ?, input_sha256 = ?, input_charset = ? WHERE id = ? AND input_sha256 IS NULL";

    static final String MARK_IMPORTED = "UPDATE campaign SET imported_at = ? WHERE id = ?";

    static final String NEXT_PASS = "UPDATE campaign SET pass = pass + 1 WHERE id = ?";

    static final String RUN_STARTED = "UPDATE campaign SET last_run_start = ?, last_run_end = NULL WHERE id = ?";

    static final String RUN_ENDED = "UPDATE campaign SET last_run_end = ? WHERE id = ?";

    static final String HISTORY_FOR_OPERATOR_ACTION = "INSERT INTO delivery_attempt (delivery_id, attempted_at, outcome, detail)"
            + " SELECT id, ?, ?, ? FROM delivery WHERE campaign_id = ? AND status = ?";

    static final String RESEND = "UPDATE delivery SET status = 'PENDING', next_attempt_at = NULL, retry_since = ?, reason = ?,"
            + " updated_at = ? WHERE campaign_id = ? AND status = ?";

    static final String RETRY_NOW = "UPDATE delivery SET next_attempt_at = NULL, updated_at = ?"
            + " WHERE campaign_id = ? AND status = 'DEFERRED'";

    static final String FOR_CUSTOMERS = " AND customer_id IN (%s)";

    // Reports, evidence, the unreached list and the hotline: read only, in keyset pages by id (memory stays flat).

    private static final String ENTRY_COLUMNS = "id, campaign_id, customer_id, source_line, email, name, cohort,"
            + " management_code, fields, status, attempts, last_reply_code, last_enhanced_code, last_reply_text,"
            + " message_id, reason, created_at, claimed_at, sent_at, next_attempt_at, updated_at, bounced_at, bounce_status,"
            + " bounce_text";

    static final String ENTRY_PAGE = "SELECT " + ENTRY_COLUMNS + " FROM delivery WHERE campaign_id = ? AND id > ?"
            + " ORDER BY id LIMIT ?";

    static final String ENTRY_PAGE_IN_STATUSES = "SELECT " + ENTRY_COLUMNS + " FROM delivery WHERE campaign_id = ?"
            + " AND status IN (%s) AND id > ? ORDER BY id LIMIT ?";

    static final String ENTRIES_BY_CODE = "SELECT " + ENTRY_COLUMNS + " FROM delivery WHERE management_code IN (%s)"
            + " ORDER BY campaign_id, id";

    static final String ATTEMPT_PAGE = "SELECT a.id, d.customer_id, d.management_code, a.attempted_at, a.outcome,"
            + " a.reply_code, a.enhanced_code, a.reply_text, a.detail, a.run_id FROM delivery_attempt a"
            + " JOIN delivery d ON d.id = a.delivery_id WHERE d.campaign_id = ? AND a.id > ? ORDER BY a.id LIMIT ?";

    static final String REJECTED_PAGE = "SELECT id, line_no, customer_id, reason FROM rejected_line"
            + " WHERE campaign_id = ? AND id > ? ORDER BY id LIMIT ?";

    static final String CAMPAIGN_FACTS = "SELECT id, job_file, job_file_sha256, template_sha256, input_file, input_sha256,"
            + " input_charset, pass, created_at, imported_at, last_run_start, last_run_end FROM campaign WHERE id = ?";

    /** Spring Batch's own tables: every execution of the campaign's job, with how it ended. */
    static final String CAMPAIGN_RUNS = "SELECT e.JOB_EXECUTION_ID, e.START_TIME, e.END_TIME, e.STATUS, e.EXIT_CODE"
            + " FROM BATCH_JOB_EXECUTION e JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + " WHERE p.PARAMETER_NAME = 'campaign' AND p.PARAMETER_VALUE = ? ORDER BY e.JOB_EXECUTION_ID";

    /** What a run still has to do now: the progress display's remaining work. */
    static final String COUNT_DUE = "SELECT COUNT(*) FROM delivery WHERE campaign_id = ? AND status IN ('PENDING', 'DEFERRED')"
            + " AND (next_attempt_at IS NULL OR next_attempt_at <= ?)";

    // Earlier campaigns (job file previousCampaigns) and an input replaced before its import completed.

    static final String PREVIOUS_CAMPAIGNS = "SELECT previous_campaigns FROM campaign WHERE id = ?";

    static final String RECORD_PREVIOUS_CAMPAIGNS = "UPDATE campaign SET previous_campaigns = ? WHERE id = ?";

    /** Whom an earlier campaign has notified, may have notified, or is still to notify: all but FAILED and INVALID. */
    static final String COVERED_BY_CUSTOMER = "SELECT customer_id, email, status FROM delivery WHERE campaign_id = ?"
            + " AND status NOT IN ('FAILED', 'INVALID') AND customer_id IN (%s)";

    static final String COVERED_BY_EMAIL = "SELECT customer_id, email, status FROM delivery WHERE campaign_id = ?"
            + " AND status NOT IN ('FAILED', 'INVALID') AND email IN (%s)";

    static final String REJECTED_BY_EARLIER_CAMPAIGN = "SELECT earlier_campaign, COUNT(*) FROM rejected_line"
            + " WHERE campaign_id = ? AND earlier_campaign IS NOT NULL GROUP BY earlier_campaign ORDER BY earlier_campaign";

    /** Anything that shows a message may have been handed over: an attempt, a claim, an outcome. */
    static final String COUNT_EVER_ATTEMPTED = "SELECT (SELECT COUNT(*) FROM delivery WHERE campaign_id = ?"
            + " AND (attempts > 0 OR status NOT IN ('PENDING', 'INVALID')))"
            + " + (SELECT COUNT(*) FROM delivery_attempt a JOIN delivery d ON d.id = a.delivery_id WHERE d.campaign_id = ?)";

    static final String DISCARD_DELIVERIES = "DELETE FROM delivery WHERE campaign_id = ?";

    static final String DISCARD_REJECTED_LINES = "DELETE FROM rejected_line WHERE campaign_id = ?";

    static final String REPLACE_INPUT = "UPDATE campaign SET input_file = ?, input_sha256 = ?, input_charset = ?,"
            + " previous_campaigns = ? WHERE id = ? AND imported_at IS NULL";

    // Bounces: a DSN names the original message by its Message-ID, else the recipient's address in the campaign.

    private static final String BOUNCE_TARGET_COLUMNS = "SELECT id, campaign_id, customer_id, email, status, sent_at,"
            + " bounced_at FROM delivery";

    static final String BOUNCE_TARGET_BY_MESSAGE_ID = BOUNCE_TARGET_COLUMNS + " WHERE message_id = ? ORDER BY id";

    /** By the address's local part and '@' (a LIKE prefix, so the (campaign, email) index serves it). */
    static final String BOUNCE_TARGETS_BY_LOCAL_PART = BOUNCE_TARGET_COLUMNS
            + " WHERE campaign_id = ? AND email LIKE ? ESCAPE '!' ORDER BY id";

    /** Only a SENT delivery bounces, and only once: reading the same DSN again changes nothing. */
    static final String RECORD_BOUNCE = "UPDATE delivery SET bounced_at = ?, bounce_status = ?, bounce_text = ?,"
            + " updated_at = ? WHERE id = ? AND status = 'SENT' AND bounced_at IS NULL";

    static final String COUNT_BOUNCED_BY_COHORT = "SELECT cohort, COUNT(*) FROM delivery WHERE campaign_id = ?"
            + " AND bounced_at IS NOT NULL GROUP BY cohort";

    /** The unreached list: FAILED, INVALID, and SENT then bounced. */
    static final String ENTRY_PAGE_UNREACHED = "SELECT " + ENTRY_COLUMNS + " FROM delivery WHERE campaign_id = ?"
            + " AND (status IN ('FAILED', 'INVALID') OR bounced_at IS NOT NULL) AND id > ? ORDER BY id LIMIT ?";

    static String withPlaceholders(String sql, int count) {
        return String.format(sql, placeholders(count));
    }

    /**
     * A statement on chosen deliveries ({@code WHERE id IN (…)}), read through the primary key on MySQL and MariaDB:
     * see {@link #primaryKeyOnly}.
     */
    static String amongIds(String sql, DatabaseKind kind, int count) {
        return String.format(sql, primaryKeyOnly(kind), placeholders(count));
    }

    /**
     * The locking statements on a chunk's ids (claim, the record's lock, its history copy) must walk the primary key,
     * whatever the optimizer makes of the table's statistics. Searched for equal values, a unique index locks only
     * the rows listed (no gaps), and every such statement takes them in id order: overlapping claims and records then
     * wait for each other and never deadlock. Read through ix_delivery_due (campaign, status, id) instead, or
     * scanned, a statement locks entries and the gaps between them in (status, id) order, and the claims and records
     * insert their rows' new entries into exactly that index: OverlappingClaimsTest, with these statements forced
     * through it, saw 17 deadlocks in 600 claim-and-record rounds; with the primary key, none. MariaDB 10.11 chose the
     * primary key unaided there; the hint keeps it so on MySQL and on other statistics. H2 takes no such hint.
     */
    static String primaryKeyOnly(DatabaseKind kind) {
        return kind == DatabaseKind.H2 ? "" : " FORCE INDEX (PRIMARY)";
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
