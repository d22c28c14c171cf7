package io.noticemailer.bounce;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.ledger.BounceStore;
import io.noticemailer.ledger.BounceTarget;

/**
 * Finds the delivery one failed recipient block is about. First by the original message's Message-ID (stable
 * per delivery, on the sender's domain: exact, whatever the campaign). A relay may rewrite it, and some
 * gateways return no original headers: then by the recipient address within the campaign (its local part
 * exactly, its domain in any case), but only when nothing says the DSN is about other mail (the original's
 * From is another sender, the bounce is older than the notice, the address has several deliveries). Nothing
 * is guessed: a block that fits none is skipped with its reason.
 */
final class BounceMatcher {

    /** Clocks differ between our machine and the one that wrote the DSN. */
    static final Duration CLOCK_SKEW = Duration.ofHours(1);

    enum MatchedBy {
        MESSAGE_ID("Message-ID"), RECIPIENT("recipient address");

        private final String label;

        MatchedBy(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** Either a delivery and how it was found, or why none. */
    record Match(BounceTarget target, MatchedBy by, SkipReason skipped) {

        static Match skip(SkipReason reason) {
            return new Match(null, null, reason);
        }
    }

    private final BounceStore store;

    BounceMatcher(BounceStore store) {
        this.store = store;
    }

    Match match(JobFile job, ReadMail.Dsn dsn, RecipientReport recipient, Instant bouncedAt) {
        if (dsn.originalMessageId() != null) {
            List<BounceTarget> byId = store.byMessageId(dsn.originalMessageId());
            List<BounceTarget> ours = byId.stream().filter(t -> t.campaign().equals(job.campaign())).toList();
            if (ours.size() == 1) {
                return new Match(ours.get(0), MatchedBy.MESSAGE_ID, null);
            }
            if (ours.size() > 1) {
                return Match.skip(SkipReason.AMBIGUOUS);
            }
            if (!byId.isEmpty()) {
                return Match.skip(SkipReason.OTHER_CAMPAIGN);
            }
        }
        if (dsn.originalFrom() != null && !dsn.originalFrom().equalsIgnoreCase(job.sender().address())) {
            return Match.skip(SkipReason.OTHER_SENDER);
        }
        return byRecipient(job, recipient, bouncedAt);
    }

    private Match byRecipient(JobFile job, RecipientReport recipient, Instant bouncedAt) {
        Set<String> addresses = new LinkedHashSet<>();
        for (String address : new String[] {recipient.originalRecipient(), recipient.finalRecipient()}) {
            if (address != null) {
                addresses.add(address);
            }
        }
        for (String address : addresses) {
            List<BounceTarget> found = store.byAddress(job.campaign(), address);
            if (found.size() > 1) {
                return Match.skip(SkipReason.AMBIGUOUS);
            }
            if (found.size() == 1) {
                BounceTarget target = found.get(0);
                if (target.sentAt() != null && bouncedAt.isBefore(target.sentAt().minus(CLOCK_SKEW))) {
                    return Match.skip(SkipReason.BEFORE_SENT);
                }
                return new Match(target, MatchedBy.RECIPIENT, null);
            }
        }
        return Match.skip(SkipReason.NO_MATCH);
    }
}
