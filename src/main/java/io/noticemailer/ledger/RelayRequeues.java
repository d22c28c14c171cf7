package io.noticemailer.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.send.Requeue;

/**
 * The relay breaker's requeue, inside the ledger's own transaction: deliveries recorded DEFERRED or FAILED because
 * of the relay are made due again, or FAILED when an earlier run requeued them for the same failure.
 */
final class RelayRequeues {

    private static final String REQUEUED = "REQUEUED";

    private final JdbcTemplate jdbc;

    RelayRequeues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param ordered the deliveries, by id; returns those failed because they were blamed before */
    Set<Long> requeue(List<Long> ordered, long runId, Instant now, Requeue requeue) {
        Set<Long> doneByThisRun = new HashSet<>();
        Set<Long> requeuedBefore = new HashSet<>();
        readBreakerHistory(ordered, runId, requeue.tag(), doneByThisRun, requeuedBefore);
        List<Long> open = ordered.stream().filter(id -> !doneByThisRun.contains(id)).toList();
        List<Long> givenUp = open.stream().filter(id -> requeue.giveUpOnRepeat() && requeuedBefore.contains(id)).toList();
        move(open.stream().filter(id -> !givenUp.contains(id)).toList(), runId, now,
                DeliveryStatus.DEFERRED, REQUEUED, requeue.reason());
        move(givenUp, runId, now, DeliveryStatus.FAILED, DeliveryStatus.FAILED.name(), requeue.giveUpReason());
        return new LinkedHashSet<>(givenUp);
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
            ps.setString(3, JdbcSendLedger.cap(reason));
            ps.setLong(4, id);
            ps.setLong(5, runId);
        });
        jdbc.batchUpdate(LedgerSql.REQUEUE, ids, ids.size(), (ps, id) -> {
            ps.setString(1, to.name());
            ps.setString(2, JdbcSendLedger.cap(reason));
            ps.setObject(3, UtcTimes.toDb(now));
            ps.setLong(4, id);
            ps.setLong(5, runId);
        });
    }

}
