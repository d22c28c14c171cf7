package io.noticemailer.send;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.batch.infrastructure.item.ItemReader;

import io.noticemailer.ledger.Delivery;

/**
 * Reads the deliveries that are due, page by page in id order (keyset paging, so memory stays flat however
 * long the list). It keeps no restart state: every run starts from the first due delivery, and the claim
 * decides what is actually sent. {@code limit} caps how many it hands out (the CLI's --limit). Once a stop is
 * requested (signal, send window, daily quota) it hands out nothing more, which ends the step normally. When it
 * hands out nothing more it says so ({@code listEnded}): the writer records its chunks in the background and must
 * be done before the step ends.
 */
public class DueDeliveryReader implements ItemReader<Delivery> {

    private final SendLedger ledger;
    private final String campaign;
    private final Clock clock;
    private final int pageSize;
    private final RunStop stop;
    private final Runnable listEnded;
    private final Deque<Delivery> page = new ArrayDeque<>();
    private long remaining;
    private long lastId;
    private boolean exhausted;

    /** @param listEnded run each time the reader hands out nothing (it may throw: the step fails) */
    public DueDeliveryReader(SendLedger ledger, String campaign, Clock clock, int pageSize, long limit, RunStop stop,
                             Runnable listEnded) {
        this.ledger = ledger;
        this.campaign = campaign;
        this.clock = clock;
        this.pageSize = pageSize;
        this.remaining = limit;
        this.stop = stop;
        this.listEnded = listEnded;
    }

    @Override
    public Delivery read() {
        Delivery next = nextDue();
        if (next == null) {
            listEnded.run();
        }
        return next;
    }

    private Delivery nextDue() {
        if (remaining <= 0 || stop.requested()) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            fetch();
        }
        Delivery next = page.poll();
        if (next != null) {
            remaining--;
        }
        return next;
    }

    private void fetch() {
        List<Delivery> due = ledger.findDue(campaign, lastId, clock.instant(), (int) Math.min(pageSize, remaining));
        page.addAll(due);
        exhausted = due.size() < Math.min(pageSize, remaining);
        if (!due.isEmpty()) {
            lastId = due.get(due.size() - 1).id();
        }
    }
}
