package io.noticemailer.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.springframework.core.retry.RetryTemplate;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.noticemailer.send.DeliveryOutcome;
import io.noticemailer.send.Requeue;
import io.noticemailer.send.SendLedger;
import io.noticemailer.send.SmtpReply;

/**
 * The send path's view of the ledger. Each write runs in its own transaction (REQUIRES_NEW), so it is
 * committed when the method returns even inside a Spring Batch chunk transaction, and is retried on a
 * database hiccup ({@link LedgerRetry}): every write is idempotent under its claim token.
 */
@Repository
class JdbcSendLedger implements SendLedger {

    private static final int TEXT_LIMIT = 1000;
    private static final String REQUEUED = "REQUEUED";
    /**
     * Keeps one statement of outcomes far below max_allowed_packet (16 MiB on MariaDB) whatever the chunk size: a row
     * takes at most about 9 KiB (two texts of 1,000 characters, a Message-ID, 4 bytes a character).
     */
    private static final int OUTCOMES_PER_STATEMENT = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RetryTemplate retry = LedgerRetry.template();
    private final DeliveryRows rows = new DeliveryRows(new FieldsJson());
    private volatile DatabaseKind kind;

    JdbcSendLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public List<Delivery> findDue(String campaign, long afterId, Instant now, int max) {
        List<Delivery> pending = jdbc.query(LedgerSql.FIND_PENDING, rows, campaign, afterId, max);
        List<Delivery> deferred = jdbc.query(LedgerSql.FIND_DUE_DEFERRED, rows, campaign, afterId, UtcTimes.toDb(now), max);
        if (deferred.isEmpty()) {
            return pending;
        }
        return Stream.concat(pending.stream(), deferred.stream()).sorted(Comparator.comparingLong(Delivery::id))
                .limit(max).toList();
    }

    @Override
    public Set<Long> claim(Collection<Long> ids, long claimToken, long runId, Instant now) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Long> ordered = ids.stream().distinct().sorted().toList();
        List<Long> claimed = retry.invoke(() -> ownTransaction.execute(status -> {
            int taken = jdbc.update(LedgerSql.amongIds(LedgerSql.CLAIM_AMONG, kind(), ordered.size()),
                    ps -> bindClaim(ps, ordered, claimToken, runId, now));
            // Taking every one leaves nothing to find out; else (some were not due, or a retry after a commit whose
            // answer was lost) the claimed set is read back by its token.
            return taken == ordered.size() ? ordered : among(LedgerSql.CLAIMED_AMONG, ordered, claimToken);
        }));
        return new LinkedHashSet<>(claimed);
    }

    @Override
    public int record(List<DeliveryOutcome> outcomes, long claimToken, long runId) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        List<DeliveryOutcome> ordered = outcomes.stream().sorted(Comparator.comparingLong(DeliveryOutcome::deliveryId)).toList();
        List<Long> ids = ordered.stream().map(DeliveryOutcome::deliveryId).toList();
        // Counted on the first try only: a retry after a commit whose answer was lost finds its own work done.
        AtomicInteger unmatched = new AtomicInteger(-1);
        retry.invoke(() -> ownTransaction.executeWithoutResult(status -> {
            // Only what is still claimed: a retry after a commit whose answer was lost records nothing twice.
            Set<Long> stillClaimed = new HashSet<>(lockRecordable(ids, claimToken));
            List<DeliveryOutcome> open = ordered.stream().filter(o -> stillClaimed.contains(o.deliveryId())).toList();
            if (!open.isEmpty()) {
                writeOutcomes(open, claimToken);
                writeHistory(open.stream().map(DeliveryOutcome::deliveryId).toList(), runId);
            }
            unmatched.compareAndSet(-1, ordered.size() - open.size());
        }));
        return unmatched.get();
    }

    private List<Long> lockRecordable(List<Long> ids, long claimToken) {
        return jdbc.queryForList(LedgerSql.amongIds(LedgerSql.LOCK_RECORDABLE_AMONG, kind(), ids.size()), Long.class,
                withFirst(claimToken, ids));
    }

    private void writeOutcomes(List<DeliveryOutcome> open, long claimToken) {
        if (kind() == DatabaseKind.H2) {
            jdbc.batchUpdate(LedgerSql.RECORD, open, open.size(), (ps, o) -> bindRecord(ps, o, claimToken));
            return;
        }
        for (int start = 0; start < open.size(); start += OUTCOMES_PER_STATEMENT) {
            recordAmong(open.subList(start, Math.min(open.size(), start + OUTCOMES_PER_STATEMENT)), claimToken);
        }
    }

    private void recordAmong(List<DeliveryOutcome> outcomes, long claimToken) {
        String rows = LedgerSql.OUTCOME_ROW + LedgerSql.NEXT_OUTCOME_ROW.repeat(outcomes.size() - 1);
        jdbc.update(String.format(LedgerSql.RECORD_AMONG, rows), ps -> {
            int next = 1;
            for (DeliveryOutcome o : outcomes) {
                next = bindOutcomeRow(ps, next, o);
            }
            ps.setLong(next, claimToken);
        });
    }

    private void writeHistory(List<Long> recorded, long runId) {
        jdbc.update(LedgerSql.amongIds(LedgerSql.HISTORY_FOR_RECORDED, kind(), recorded.size()), withFirst(runId, recorded));
    }

    /** MySQL and MariaDB take the outcomes in one statement that H2 cannot parse; asked once, on first use. */
    private DatabaseKind kind() {
        DatabaseKind known = kind;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<DatabaseKind>) DatabaseKind::of);
            kind = known;
        }
        return known;
    }

    @Override
    public void release(Collection<Long> ids, long claimToken, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> ordered = ids.stream().sorted().toList();
        retry.invoke(() -> ownTransaction.executeWithoutResult(status -> jdbc.batchUpdate(LedgerSql.RELEASE, ordered,
                ordered.size(), (ps, id) -> {
                    ps.setObject(1, UtcTimes.toDb(now));
                    ps.setLong(2, id);
                    ps.setLong(3, claimToken);
                })));
    }

    @Override
    public Set<Long> requeue(Collection<Long> ids, long runId, Instant now, Requeue requeue) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        List<Long> ordered = ids.stream().sorted().toList();
        return retry.invoke(() -> ownTransaction.execute(status -> {
            Set<Long> doneByThisRun = new HashSet<>();
            Set<Long> requeuedBefore = new HashSet<>();
            readBreakerHistory(ordered, runId, requeue.tag(), doneByThisRun, requeuedBefore);
            List<Long> open = ordered.stream().filter(id -> !doneByThisRun.contains(id)).toList();
            List<Long> givenUp = open.stream().filter(id -> requeue.giveUpOnRepeat() && requeuedBefore.contains(id)).toList();
            move(open.stream().filter(id -> !givenUp.contains(id)).toList(), runId, now,
                    DeliveryStatus.DEFERRED, REQUEUED, requeue.reason());
            move(givenUp, runId, now, DeliveryStatus.FAILED, DeliveryStatus.FAILED.name(), requeue.giveUpReason());
            return new LinkedHashSet<>(givenUp);
        }));
    }

    /**
     * Which of {@code ids} the relay breaker already handled in this run (a retry after a commit whose answer was
     * lost must not write their history twice), and which an earlier run requeued for the failure named by
     * {@code tag} since the operator's last resend.
     */
    private void readBreakerHistory(List<Long> ids, long runId, String tag, Set<Long> doneByThisRun, Set<Long> requeuedBefore) {
        List<Object> args = new ArrayList<>(ids);
        args.add(Requeue.TAG_START + "%");
        jdbc.query(LedgerSql.withPlaceholders(LedgerSql.REQUEUE_HISTORY, ids.size()), rs -> {
            long id = rs.getLong("delivery_id");
            String outcome = rs.getString("outcome");
            if (OperatorActions.RESEND.equals(outcome)) {
                requeuedBefore.remove(id);
            } else if (rs.getLong("run_id") == runId) {
                doneByThisRun.add(id);
            } else if (REQUEUED.equals(outcome) && rs.getString("detail").startsWith(tag)) {
                requeuedBefore.add(id);
            }
        }, args.toArray());
    }

    private void move(List<Long> ids, long runId, Instant now, DeliveryStatus to, String history, String reason) {
        jdbc.batchUpdate(LedgerSql.HISTORY_FOR_REQUEUE, ids, ids.size(), (ps, id) -> {
            ps.setObject(1, UtcTimes.toDb(now));
            ps.setString(2, history);
            ps.setString(3, cap(reason));
            ps.setLong(4, id);
            ps.setLong(5, runId);
        });
        jdbc.batchUpdate(LedgerSql.REQUEUE, ids, ids.size(), (ps, id) -> {
            ps.setString(1, to.name());
            ps.setString(2, cap(reason));
            ps.setObject(3, UtcTimes.toDb(now));
            ps.setLong(4, id);
            ps.setLong(5, runId);
        });
    }

    private List<Long> among(String sql, List<Long> ids, long claimToken) {
        return jdbc.queryForList(LedgerSql.withPlaceholders(sql, ids.size()), Long.class, withFirst(claimToken, ids));
    }

    private static Object[] withFirst(long first, List<Long> ids) {
        Object[] arguments = new Object[ids.size() + 1];
        arguments[0] = first;
        for (int i = 0; i < ids.size(); i++) {
            arguments[i + 1] = ids.get(i);
        }
        return arguments;
    }

    private static void bindClaim(PreparedStatement ps, List<Long> ids, long claimToken, long runId, Instant now)
            throws SQLException {
        LocalDateTime at = UtcTimes.toDb(now);
        ps.setLong(1, claimToken);
        ps.setLong(2, runId);
        ps.setObject(3, at);
        ps.setObject(4, at);
        ps.setObject(5, at);
        int next = 6;
        for (long id : ids) {
            ps.setLong(next++, id);
        }
        ps.setObject(next, at);
    }

    /** One row of {@link LedgerSql#OUTCOME_ROW}, from parameter {@code first}; returns the next parameter's index. */
    private static int bindOutcomeRow(PreparedStatement ps, int first, DeliveryOutcome o) throws SQLException {
        SmtpReply reply = o.reply();
        ps.setLong(first, o.deliveryId());
        ps.setString(first + 1, o.status().name());
        ps.setObject(first + 2, reply == null ? null : reply.code());
        ps.setString(first + 3, reply == null ? null : reply.enhancedCode());
        ps.setString(first + 4, reply == null ? null : cap(reply.text()));
        ps.setString(first + 5, cap(o.reason()));
        ps.setString(first + 6, o.messageId());
        ps.setObject(first + 7, UtcTimes.toDb(o.at()));
        ps.setObject(first + 8, UtcTimes.toDb(o.nextAttemptAt()));
        ps.setString(first + 9, o.charset());
        return first + 10;
    }

    private static void bindRecord(PreparedStatement ps, DeliveryOutcome o, long claimToken) throws SQLException {
        SmtpReply reply = o.reply();
        ps.setString(1, o.status().name());
        ps.setObject(2, reply == null ? null : reply.code());
        ps.setString(3, reply == null ? null : reply.enhancedCode());
        ps.setString(4, reply == null ? null : cap(reply.text()));
        ps.setString(5, cap(o.reason()));
        ps.setString(6, o.messageId());
        ps.setObject(7, o.status() == DeliveryStatus.SENT ? UtcTimes.toDb(o.at()) : null);
        ps.setObject(8, UtcTimes.toDb(o.nextAttemptAt()));
        ps.setObject(9, UtcTimes.toDb(o.at()));
        ps.setString(10, o.charset());
        ps.setLong(11, o.deliveryId());
        ps.setLong(12, claimToken);
    }

    static String cap(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }
}
