package io.noticemailer.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.noticemailer.support.BounceFixtures;

/** Real DSNs (Postfix, Exchange, a Japanese carrier's gateway), auto-replies and other mail, read by the parser. */
class DsnParserTest {

    private static final String ID = "<abcdefghijklmnopqrstuvwxyz@dlmarket.example>";

    private final DsnParser parser = new DsnParser();

    @Test
    void givenAPostfixBounceThenItsFailedRecipientStatusDiagnosticAndOriginalMessageIdAreRead() throws Exception {
        ReadMail.Dsn dsn = dsn("postfix-user-unknown.eml");

        assertThat(dsn.reportingMta()).isEqualTo("dns; mx.dlmarket.example");
        assertThat(dsn.originalMessageId()).isEqualTo(ID);
        assertThat(dsn.originalFrom()).isEqualTo("support@dlmarket.example");
        assertThat(dsn.date()).isEqualTo(Instant.parse("2018-12-25T01:03:21Z"));
        assertThat(dsn.arrivalDate()).isEqualTo(Instant.parse("2018-12-25T01:03:18Z"));
        assertThat(dsn.recipients()).singleElement().satisfies(r -> {
            assertThat(r.failed()).isTrue();
            assertThat(r.status()).isEqualTo("5.1.1");
            assertThat(r.finalRecipient()).isEqualTo("k.takahashi@example.com");
            assertThat(r.originalRecipient()).isEqualTo("k.takahashi@example.com");
            assertThat(r.diagnostic()).isEqualTo("550 5.1.1 <k.takahashi@example.com>: Recipient address rejected:"
                    + " User unknown in virtual mailbox table");
            assertThat(r.toString()).doesNotContain("k.takahashi");
        });
        assertThat(dsn.timeOf(dsn.recipients().get(0))).as("no Last-Attempt-Date: the DSN's Date").isEqualTo(dsn.date());
    }

    @Test
    void givenAnExchangeReportWithAnAlternativeTextPartThenTheDeliveryStatusIsFoundAfterIt() throws Exception {
        ReadMail.Dsn dsn = dsn("exchange-recipient-not-found.eml");

        assertThat(dsn.originalMessageId()).isEqualTo(ID);
        assertThat(dsn.recipients()).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("5.1.10");
            assertThat(r.diagnostic()).startsWith("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient keiri@")
                    .endsWith("not found by SMTP address lookup");
        });
    }

    @Test
    void givenACarrierGatewayWritingIso2022JpInTheDiagnosticThenItIsDecodedAndTheLastAttemptGivesTheTime()
            throws Exception {
        ReadMail.Dsn dsn = dsn("carrier-unknown-user.eml");

        assertThat(dsn.originalMessageId()).isEqualTo("<201812251020.wBP1K1Za018790@mgw3.docomo.example>");
        RecipientReport recipient = dsn.recipients().get(0);
        assertThat(recipient.originalRecipient()).isNull();
        assertThat(recipient.finalRecipient()).isEqualTo("taro..yamada@docomo.example");
        assertThat(recipient.diagnostic()).isEqualTo("550 Unknown user taro..yamada@docomo.example （宛先不明）");
        assertThat(dsn.timeOf(recipient)).isEqualTo(Instant.parse("2018-12-25T01:20:04Z"));
    }

    @Test
    void givenAGatewayReportWithoutTheOriginalMessageThenThereIsNoMessageIdToMatch() throws Exception {
        ReadMail.Dsn dsn = dsn("gateway-no-original.eml");

        assertThat(dsn.originalMessageId()).isNull();
        assertThat(dsn.originalFrom()).isNull();
        assertThat(dsn.recipients().get(0).finalRecipient()).isEqualTo("Naoki.Kato@example.net");
    }

    @Test
    void givenADelayWarningThenItsRecipientIsDelayedNotFailed() throws Exception {
        RecipientReport recipient = dsn("postfix-delayed.eml").recipients().get(0);

        assertThat(recipient.failed()).isFalse();
        assertThat(recipient.whyNotFailed()).isEqualTo(SkipReason.DELAYED);
        assertThat(recipient.status()).isEqualTo("4.4.1");
    }

    @Test
    void givenAnAutoReplyOrACustomersReplyThenTheyAreNotDsns() throws Exception {
        assertThat(parse("auto-reply-out-of-office.eml")).isEqualTo(new ReadMail.Skipped(SkipReason.AUTO_REPLY));
        assertThat(parse("customer-reply.eml")).isEqualTo(new ReadMail.Skipped(SkipReason.NOT_A_DSN));
    }

    @Test
    void givenAReturnedFullMessageInsteadOfItsHeadersThenTheMessageIdComesFromIt() throws Exception {
        byte[] mbox = BounceFixtures.bytes("bounce-mailbox.mbox", Map.of(BounceFixtures.MESSAGE_ID, ID));
        String first = new String(mbox, java.nio.charset.StandardCharsets.ISO_8859_1).split("\nFrom ")[0];
        String message = first.substring(first.indexOf('\n') + 1);

        ReadMail mail = parser.parse(new ByteArrayInputStream(message.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));

        assertThat(mail).isInstanceOfSatisfying(ReadMail.Dsn.class, dsn -> {
            assertThat(dsn.originalMessageId()).isEqualTo(ID);
            assertThat(dsn.recipients().get(0).status()).isEqualTo("5.2.2");
        });
    }

    private ReadMail.Dsn dsn(String fixture) throws Exception {
        ReadMail mail = parse(fixture);
        assertThat(mail).isInstanceOf(ReadMail.Dsn.class);
        return (ReadMail.Dsn) mail;
    }

    private ReadMail parse(String fixture) throws Exception {
        return parser.parse(new ByteArrayInputStream(BounceFixtures.bytes(fixture, Map.of(BounceFixtures.MESSAGE_ID, ID))));
    }
}
