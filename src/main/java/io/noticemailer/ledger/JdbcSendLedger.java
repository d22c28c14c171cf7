package io.noticemailer.ledger;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
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

/**
 * The send path's view of the ledger. Each write runs in its own transaction (REQUIRES_NEW), so it is
 * committed when the method returns even inside a Spring Batch chunk transaction, and is retried on a
 * database hiccup ({@link LedgerRetry}): every write is idempotent under its claim token.
 */
@Repository
class JdbcSendLedger implements SendLedger {

    private static final int TEXT_LIMIT = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final RetryTemplate retry = LedgerRetry.template();
    private final DeliveryRows rows = new DeliveryRows(new FieldsJson());
    private final OutcomeWrites outcomeWrites;
    private final RelayRequeues requeues;
    private volatile DatabaseKind kind;

    JdbcSendLedger(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.outcomeWrites = new OutcomeWrites(jdbc);
        this.requeues = new RelayRequeues(jdbc);
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
                outcomeWrites.write(open, claimToken, kind());
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
        return retry.invoke(() -> ownTransaction.execute(status -> requeues.requeue(ordered, runId, now, requeue)));
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

    static String cap(String text) {
        return text == null || text.length() <= TEXT_LIMIT ? text : text.substring(0, TEXT_LIMIT);
    }
}
