package io.noticemailer.send;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;

import io.noticemailer.ledger.AddressMask;
import io.noticemailer.ledger.DeliveryStatus;

/**
 * The send path, for one chunk: claim (committed) → send each claimed message → record every outcome.
 * A delivery that was not claimed is not sent, so Spring Batch re-invoking this writer with items it
 * already wrote (chunk retry, scan) cannot send anything twice.
 */
public class NoticeSender implements ItemWriter<PreparedNotice> {

    private static final Logger log = LoggerFactory.getLogger(NoticeSender.class);
    /** A broken connection is retried at once this many times, each on a new connection. */
    private static final int CONNECTION_RETRIES = 2;
    /** This many messages in a row that could not reach the relay stop the run. */
    private static final int RELAY_DOWN_AFTER = 3;

    private final SendLedger ledger;
    private final MailTransport transport;
    private final OutcomePolicy policy;
    private final Clock clock;
    private final RandomGenerator tokens;
    private final SendEvents events;
    private final long runId;
    private int connectionFailuresInARow;

    public NoticeSender(SendLedger ledger, MailTransport transport, OutcomePolicy policy, Clock clock,
                        RandomGenerator tokens, SendEvents events, long runId) {
        this.ledger = ledger;
        this.transport = transport;
        this.policy = policy;
        this.clock = clock;
        this.tokens = tokens;
        this.events = events;
        this.runId = runId;
    }

    @Override
    public void write(Chunk<? extends PreparedNotice> chunk) {
        Map<Long, PreparedNotice> byId = new LinkedHashMap<>();
        chunk.forEach(notice -> byId.put(notice.delivery().id(), notice));
        long token = tokens.nextLong();
        Set<Long> claimed = ledger.claim(byId.keySet(), token, runId, clock.instant());
        Set<Long> notAttempted = new LinkedHashSet<>(claimed);
        List<DeliveryOutcome> outcomes = new ArrayList<>(claimed.size());
        try {
            for (Long id : claimed) {
                DeliveryOutcome outcome = attempt(byId.get(id));
                notAttempted.remove(id);
                outcomes.add(outcome);
                stopIfRelayDown(outcome);
            }
        } finally {
            ledger.record(outcomes, token, runId);
            ledger.release(notAttempted, token, clock.instant());
        }
    }

    private DeliveryOutcome attempt(PreparedNotice notice) {
        if (notice.renderFailure() != null) {
            return reported(notice, policy.renderFailed(notice.delivery(), notice.messageId(), notice.renderFailure(),
                    clock.instant()), Duration.ZERO);
        }
        long started = System.nanoTime();
        SendResult result = transport.send(notice.message(), notice.delivery().email());
        for (int retry = 0; retry < CONNECTION_RETRIES && result.outcome() == SendResult.Outcome.CONNECTION_FAILED; retry++) {
            result = transport.send(notice.message(), notice.delivery().email());
        }
        Duration latency = Duration.ofNanos(System.nanoTime() - started);
        boolean unreachable = result.outcome() == SendResult.Outcome.CONNECTION_FAILED;
        connectionFailuresInARow = unreachable ? connectionFailuresInARow + 1 : 0;
        return reported(notice, policy.decide(notice.delivery(), notice.messageId(), result, clock.instant()), latency);
    }

    private void stopIfRelayDown(DeliveryOutcome outcome) {
        if (connectionFailuresInARow >= RELAY_DOWN_AFTER) {
            throw new RelayUnavailableException("the SMTP relay could not be reached for " + RELAY_DOWN_AFTER
                    + " messages in a row (each tried " + (CONNECTION_RETRIES + 1) + " times); last: " + outcome.reason());
        }
    }

    private DeliveryOutcome reported(PreparedNotice notice, DeliveryOutcome attempted, Duration latency) {
        DeliveryOutcome outcome = attempted.withCharset(notice.charset());
        events.attempted(outcome, NoticeDomains.of(notice.delivery().email()), latency);
        if (outcome.status() == DeliveryStatus.SENT) {
            log.debug("sent delivery={} to={}", outcome.deliveryId(), AddressMask.mask(notice.delivery().email()));
        } else {
            log.info("{} delivery={} customer={} to={} reason={}", outcome.status(), outcome.deliveryId(),
                    notice.delivery().customerId(), AddressMask.mask(notice.delivery().email()), outcome.reason());
        }
        return outcome;
    }
}
