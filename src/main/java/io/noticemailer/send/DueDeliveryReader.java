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
 * requested (signal, send window, daily quota) it hands out nothing more, which ends the step normally.
 */
public class DueDeliveryReader implements ItemReader<Delivery> {

    private final SendLedger ledger;
    private final String campaign;
    private final Clock clock;
    private final int pageSize;
    private final RunStop stop;
    private final Deque<Delivery> page = new ArrayDeque<>();
    private long remaining;
    private long lastId;
    private boolean exhausted;

    public DueDeliveryReader(SendLedger ledger, String campaign, Clock clock, int pageSize, long limit, RunStop stop) {
        this.ledger = ledger;
        this.campaign = campaign;
        this.clock = clock;
        this.pageSize = pageSize;
        this.remaining = limit;
        this.stop = stop;
    }

    @Override
    public Delivery read() {
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
