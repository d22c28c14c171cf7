package io.noticemailer.bench;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Properties;

import io.noticemailer.campaign.Hotline;
import io.noticemailer.campaign.Sender;
import io.noticemailer.message.MailSystemProperties;
import io.noticemailer.message.MessageComposer;
import io.noticemailer.message.MessageIds;
import io.noticemailer.render.NoticeModel;
import io.noticemailer.render.NoticeRenderer;
import io.noticemailer.smtp.SmtpSessions;

/** The example campaign's notice for one customer, set up as the send step sets it up. */
final class Notices {

    static final String CAMPAIGN = "dlmarket-2018-12";
    static final String TEMPLATE = "card-leak";
    static final String EMAIL = "taka..saki@docomo.ne.jp";
    static final Sender SENDER = new Sender("ディー・エル・マーケット株式会社", "support@dlmarket.example");
    static final Instant DATE = Instant.parse("2018-12-25T01:00:00Z");

    private Notices() {
    }

    /** Must run before any mail class is used, as NoticeMailerApplication.main does. */
    static void mailSystemAsInProduction() {
        MailSystemProperties.apply();
    }

    static NoticeRenderer renderer() {
        return new NoticeRenderer(Path.of("templates").toAbsolutePath());
    }

    static MessageComposer composer() {
        return new MessageComposer(SmtpSessions.create(new Properties()), SENDER, ZoneId.of("Asia/Tokyo"));
    }

    static Map<String, Object> model(int customer) {
        return NoticeModel.of(CAMPAIGN, String.valueOf(10_000_000 + customer), "髙橋 﨑子", EMAIL, "card",
                "DL-7K3M-Q9XC", new Hotline("0120-790-230", "9:30~18:30(土・日・祝祭日を含む)"),
                Map.of("決済日時", "2018/11/03 14:22"));
    }

    static String messageId(int customer) {
        return MessageIds.forDelivery(CAMPAIGN, String.valueOf(10_000_000 + customer), SENDER.domain());
    }
}
