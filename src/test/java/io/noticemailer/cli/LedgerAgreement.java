package io.noticemailer.cli;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.assertj.core.api.SoftAssertions;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.smtp.ScriptedSmtpServer;

/**
 * The ledger and what the SMTP server kept must tell the same story: a SENT delivery arrived exactly once,
 * an UNKNOWN one at most once, anything else never.
 */
final class LedgerAgreement {

    private LedgerAgreement() {
    }

    static void assertAgrees(JdbcTemplate jdbc, String campaign, ScriptedSmtpServer server) {
        Map<String, String> statusByAddress = new TreeMap<>();
        jdbc.query("SELECT email, status FROM delivery WHERE campaign_id = ?",
                rs -> {
                    statusByAddress.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
                }, campaign);
        SoftAssertions softly = new SoftAssertions();
        statusByAddress.forEach((address, status) -> {
            long kept = server.deliveredTo(address);
            switch (status) {
                case "SENT" -> softly.assertThat(kept).as("%s is SENT: kept exactly once", address).isEqualTo(1);
                case "UNKNOWN" -> softly.assertThat(kept).as("%s is UNKNOWN: kept at most once", address).isLessThanOrEqualTo(1);
                default -> softly.assertThat(kept).as("%s is %s: never kept", address, status).isZero();
            }
        });
        softly.assertAll();
    }
}
