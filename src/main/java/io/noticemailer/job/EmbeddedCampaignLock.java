package io.noticemailer.job;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the embedded H2 database: H2 lets only one process open its file, so another process cannot even
 * start; within this process a set of held campaigns keeps a second run out.
 */
final class EmbeddedCampaignLock implements CampaignLock {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    @Override
    public Held acquire(String campaign) {
        if (!held.add(campaign)) {
            throw new CampaignLockedException("another run of campaign " + campaign + " is in progress");
        }
        return () -> held.remove(campaign);
    }
}
