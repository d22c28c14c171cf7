package io.noticemailer.job;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;

import io.noticemailer.ledger.DeliveryStatus;
import io.noticemailer.ledger.OperatorActions;

/** The operator's commands on a campaign's deliveries, under the campaign's lock so that no run is in progress. */
@Service
public class CampaignOperations {

    private final OperatorActions actions;
    private final CampaignLock lock;
    private final Clock clock;

    CampaignOperations(OperatorActions actions, CampaignLock lock, Clock clock) {
        this.actions = actions;
        this.lock = lock;
        this.clock = clock;
    }

    public int resend(String campaign, DeliveryStatus from, List<String> customerIds) {
        String reason = "operator: resend --" + from.name().toLowerCase(java.util.Locale.ROOT)
                + (customerIds.isEmpty() ? "" : " --customer " + String.join(" ", customerIds));
        try (CampaignLock.Held held = lock.acquire(campaign)) {
            return actions.resend(campaign, from, customerIds, reason, clock.instant());
        }
    }

    public int retryNow(String campaign) {
        try (CampaignLock.Held held = lock.acquire(campaign)) {
            return actions.retryNow(campaign, "operator: retry-now", clock.instant());
        }
    }
}
