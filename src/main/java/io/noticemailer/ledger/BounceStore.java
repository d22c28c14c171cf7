package io.noticemailer.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bounces in the ledger: finding the delivery a DSN is about (by its original Message-ID, in any campaign, or
 * by the recipient's address in one campaign) and marking a SENT delivery as bounced, with a BOUNCED row in
 * the attempt history. The status stays SENT (the relay did accept the message).
 */
@Repository
public class BounceStore {

    /** The attempt-history outcome of a bounce. */
    public static final String BOUNCED = "BOUNCED";

    private final JdbcTemplate jdbc;

    BounceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The deliveries whose message had this Message-ID ({@code <…@domain>}), in every campaign. */
    public List<BounceTarget> byMessageId(String messageId) {
        return jdbc.query(LedgerSql.BOUNCE_TARGET_BY_MESSAGE_ID, this::target, messageId);
    }

    /**
     * The campaign's deliveries to this address: the local part exactly as written, the domain in any case
     * (domains are case-insensitive; a DSN may write {@code Example.NET} as {@code example.net}).
     */
    public List<BounceTarget> byAddress(String campaign, String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return List.of();
        }
        String localPart = address.substring(0, at);
        String domain = address.substring(at + 1);
        String prefix = localPart.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "@%";
        return jdbc.query(LedgerSql.BOUNCE_TARGETS_BY_LOCAL_PART, this::target, campaign, prefix).stream()
                .filter(t -> t.email().lastIndexOf('@') == at && t.email().startsWith(localPart + "@")
                        && t.email().substring(at + 1).equalsIgnoreCase(domain))
                .toList();
    }

    /**
     * Marks the delivery as bounced and writes the attempt, if it is SENT and not bounced yet. Returns false
     * when there was nothing to do (already bounced: the same DSN read again, or another DSN for it).
     */
    @Transactional
    public boolean record(long deliveryId, Bounce bounce, Instant now) {
        int marked = jdbc.update(LedgerSql.RECORD_BOUNCE, UtcTimes.toDb(bounce.at()), bounce.status(), bounce.text(),
                UtcTimes.toDb(now), deliveryId);
        if (marked == 0) {
            return false;
        }
        jdbc.update(LedgerSql.INSERT_ATTEMPT, deliveryId, UtcTimes.toDb(bounce.at()), BOUNCED, bounce.replyCode(),
                bounce.status(), bounce.text(), bounce.detail(), null);
        return true;
    }

    private BounceTarget target(ResultSet rs, int row) throws SQLException {
        return new BounceTarget(rs.getLong("id"), rs.getString("campaign_id"), rs.getString("customer_id"),
                rs.getString("email"), DeliveryStatus.valueOf(rs.getString("status")),
                UtcTimes.fromDb(rs.getObject("sent_at", LocalDateTime.class)), rs.getObject("bounced_at") != null);
    }
}
