package io.noticemailer.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.JobFileLoader;
import io.noticemailer.ledger.BounceStore;
import io.noticemailer.ledger.LedgerSchema;

/**
 * Which delivery a failed recipient block is about, on the embedded H2 ledger (migrated as the application
 * migrates it): by Message-ID in any campaign, else by the recipient address within the campaign, and never
 * by a guess.
 */
class BounceMatcherTest {

    private static final Instant SENT = Instant.parse("2018-12-25T00:30:00Z");
    private static final Instant LATER = Instant.parse("2018-12-25T01:03:21Z");
    private static final String OURS = "<ours@dlmarket.example>";

    private final JobFile job = new JobFileLoader().load(Path.of("jobs/dlmarket-2018-12.yml"));
    private JdbcTemplate jdbc;
    private BounceMatcher matcher;

    @BeforeEach
    void ledger() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bounce-matcher-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        BounceStore store = LedgerSchema.bounceStore(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        matcher = new BounceMatcher(store);
        delivery(job.campaign(), "1", "k.takahashi@example.com", OURS);
        delivery("another-campaign", "1", "k.takahashi@example.com", "<theirs@dlmarket.example>");
        delivery(job.campaign(), "2", "yumi_yoshida@i.softbank.example", "<2@dlmarket.example>");
        delivery(job.campaign(), "3", "yumiXyoshida@i.softbank.example", "<3@dlmarket.example>");
        delivery(job.campaign(), "4", "Naoki.Kato@Example.NET", "<4@dlmarket.example>");
        delivery(job.campaign(), "5", "family@example.jp", "<5@dlmarket.example>");
        delivery(job.campaign(), "6", "family@example.jp", "<6@dlmarket.example>");
    }

    @Test
    void givenTheOriginalMessageIdThenItsDeliveryIsFoundWhateverTheRecipientSays() {
        BounceMatcher.Match match = match(dsn(OURS, "support@dlmarket.example"), "forwarded@elsewhere.example", LATER);

        assertThat(match.target().customerId()).isEqualTo("1");
        assertThat(match.by()).isEqualTo(BounceMatcher.MatchedBy.MESSAGE_ID);
    }

    @Test
    void givenAnotherCampaignsMessageIdThenItIsSkippedEvenThoughTheAddressIsOneOfOurs() {
        BounceMatcher.Match match = match(dsn("<theirs@dlmarket.example>", null), "k.takahashi@example.com", LATER);

        assertThat(match.skipped()).isEqualTo(SkipReason.OTHER_CAMPAIGN);
    }

    @Test
    void givenAnUnknownMessageIdFromOurSenderThenTheAddressFindsTheDelivery() {
        BounceMatcher.Match match = match(dsn("<rewritten@relay.example>", "SUPPORT@dlmarket.example"),
                "yumi_yoshida@i.softbank.example", LATER);

        assertThat(match.target().customerId()).isEqualTo("2");
        assertThat(match.by()).isEqualTo(BounceMatcher.MatchedBy.RECIPIENT);
    }

    @Test
    void givenTheAddressWithItsDomainInAnotherCaseThenItMatchesButALocalPartInAnotherCaseDoesNot() {
        assertThat(match(dsn(null, null), "Naoki.Kato@example.net", LATER).target().customerId()).isEqualTo("4");
        assertThat(match(dsn(null, null), "naoki.kato@example.net", LATER).skipped()).isEqualTo(SkipReason.NO_MATCH);
    }

    @Test
    void givenOtherMailFromTheSameDomainThenItsBounceIsNotTakenForTheNotice() {
        BounceMatcher.Match match = match(dsn("<newsletter@dlmarket.example>", "info@dlmarket.example"),
                "k.takahashi@example.com", LATER);

        assertThat(match.skipped()).isEqualTo(SkipReason.OTHER_SENDER);
    }

    @Test
    void givenABounceOlderThanTheNoticeThenItIsSkippedButClockSkewIsAllowed() {
        Instant skewed = SENT.minus(BounceMatcher.CLOCK_SKEW).plusSeconds(1);

        assertThat(match(dsn(null, null), "k.takahashi@example.com", Instant.parse("2018-12-20T01:31:15Z")).skipped())
                .isEqualTo(SkipReason.BEFORE_SENT);
        assertThat(match(dsn(null, null), "k.takahashi@example.com", skewed).target().customerId()).isEqualTo("1");
    }

    @Test
    void givenAnAddressTwoCustomersShareThenNeitherIsChosen() {
        assertThat(match(dsn(null, null), "family@example.jp", LATER).skipped()).isEqualTo(SkipReason.AMBIGUOUS);
    }

    private BounceMatcher.Match match(ReadMail.Dsn dsn, String finalRecipient, Instant at) {
        RecipientReport recipient = new RecipientReport("failed", "5.1.1", "550 5.1.1 unknown", null, finalRecipient, null);
        return matcher.match(job, new ReadMail.Dsn(dsn.reportingMta(), dsn.date(), dsn.arrivalDate(),
                dsn.originalMessageId(), dsn.originalFrom(), List.of(recipient)), recipient, at);
    }

    private static ReadMail.Dsn dsn(String messageId, String from) {
        return new ReadMail.Dsn("dns; mx.dlmarket.example", LATER, null, messageId, from, List.of());
    }

    private void delivery(String campaign, String customerId, String email, String messageId) {
        LocalDateTime sent = LocalDateTime.ofInstant(SENT, ZoneOffset.UTC);
        jdbc.update("INSERT INTO delivery (campaign_id, customer_id, source_line, email, name, cohort, management_code,"
                + " fields, status, attempts, created_at, updated_at, sent_at, message_id)"
                + " VALUES (?, ?, 1, ?, 'name', 'card', ?, '{}', 'SENT', 1, ?, ?, ?, ?)", campaign, customerId, email,
                "DL-" + customerId, sent, sent, sent, messageId);
    }
}
