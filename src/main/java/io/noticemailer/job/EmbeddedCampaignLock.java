package io.noticemailer.job;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For the embedded H2 database: H2 lets only one process open its file, so another process cannot even
 * start; within this process a set of held campaigns keeps a second run out. That reasoning fails for an H2
 * that several processes share (a server URL, {@code jdbc:h2:tcp:} or {@code ssl:}, or a file opened with
 * {@code AUTO_SERVER=TRUE}): there no run may take the lock at all (exit 2), rather than two runs overlapping.
 */
final class EmbeddedCampaignLock implements CampaignLock {

    private final Set<String> held = ConcurrentHashMap.newKeySet();

    /** The lock for the H2 database at {@code url}: this one, or a lock that refuses every run when the database is shared. */
    static CampaignLock forUrl(String url) {
        String shared = sharedBy(url);
        if (shared == null) {
            return new EmbeddedCampaignLock();
        }
        return campaign -> {
            throw new UsageException("SPRING_DATASOURCE_URL is an H2 database that other processes can open (" + shared
                    + "): notice-mailer cannot keep two runs of campaign " + campaign + " apart there. Use MySQL or"
                    + " MariaDB, or an embedded H2 file (jdbc:h2:file:…) for a first try");
        };
    }

    /** How other processes can reach this H2 database, or null when only this process can open it. */
    private static String sharedBy(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:tcp:") || lower.startsWith("jdbc:h2:ssl:")) {
            return "an H2 server URL, " + lower.substring(0, lower.indexOf(':', "jdbc:h2:".length()) + 1);
        }
        return lower.replace(" ", "").contains(";auto_server=true") ? "AUTO_SERVER=TRUE" : null;
    }

    @Override
    public Held acquire(String campaign) {
        if (!held.add(campaign)) {
            throw new CampaignLockedException("another run of campaign " + campaign + " is in progress");
        }
        return () -> held.remove(campaign);
    }
}
