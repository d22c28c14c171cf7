package io.noticemailer.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
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

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RetryTemplate retry = LedgerRetry.template();
    private final DeliveryRows rows = new DeliveryRows(new FieldsJson());

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
        // Rows are always locked in id order, so that claims that overlap never deadlock.
        List<Long> ordered = ids.stream().sorted().toList();
        // The claimed set is read back by its token rather than from batch update counts, which some
        // driver settings (rewriteBatchedStatements) do not report per statement.
        List<Long> claimed = retry.invoke(() -> ownTransaction.execute(status -> {
            jdbc.batchUpdate(LedgerSql.CLAIM, ordered, ordered.size(), (ps, id) -> {
                ps.setLong(1, claimToken);
                ps.setLong(2, runId);
                ps.setObject(3, UtcTimes.toDb(now));
                ps.setObject(4, UtcTimes.toDb(now));
                ps.setObject(5, UtcTimes.toDb(now));
                ps.setLong(6, id);
                ps.setObject(7, UtcTimes.toDb(now));
            });
            return among(LedgerSql.CLAIMED_AMONG, ordered, claimToken);
        }));
        return new LinkedHashSet<>(claimed);
    }

    @Override
    public int record(List<DeliveryOutcome> outcomes, long claimToken, long runId) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        List<DeliveryOutcome> ordered = outcomes.stream().sorted(Comparator.comparingLong(DeliveryOutcome::deliveryId)).toList();
        // Counted on the first try only: a retry after a commit whose answer was lost finds its own work done.
        AtomicInteger unmatched = new AtomicInteger(-1);
        retry.invoke(() -> ownTransaction.executeWithoutResult(status -> {
            // Only what is still claimed: a retry after a commit whose answer was lost records nothing twice.
            Set<Long> stillClaimed = new HashSet<>(among(LedgerSql.RECORDABLE_AMONG,
                    ordered.stream().map(DeliveryOutcome::deliveryId).toList(), claimToken));
            List<DeliveryOutcome> open = ordered.stream().filter(o -> stillClaimed.contains(o.deliveryId())).toList();
            jdbc.batchUpdate(LedgerSql.RECORD, open, open.size(), (ps, o) -> bindRecord(ps, o, claimToken));
            jdbc.batchUpdate(LedgerSql.INSERT_ATTEMPT, open, open.size(), (ps, o) -> bindAttempt(ps, o, runId));
            unmatched.compareAndSet(-1, ordered.size() - open.size());
        }));
        return unmatched.get();
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
        Object[] arguments = new Object[ids.size() + 1];
        arguments[0] = claimToken;
        for (int i = 0; i < ids.size(); i++) {
            arguments[i + 1] = ids.get(i);
        }
        return jdbc.queryForList(LedgerSql.withPlaceholders(sql, ids.size()), Long.class, arguments);
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

    private static void bindAttempt(PreparedStatement ps, DeliveryOutcome o, long runId) throws SQLException {
        SmtpReply reply = o.reply();
        ps.setLong(1, o.deliveryId());
        ps.setObject(2, UtcTimes.toDb(o.at()));
        ps.setString(3, o.status().name());
        ps.setObject(4, reply == null ? null : reply.code());
        ps.setString(5, reply == null ? null : reply.enhancedCode());
        ps.setString(6, reply == null ? null : cap(reply.text()));
        ps.setString(7, cap(o.reason()));
        ps.setLong(8, runId);
    }

    static String cap(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }
}
