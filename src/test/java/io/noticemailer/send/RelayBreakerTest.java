package io.noticemailer.send;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.noticemailer.send.SendResult.Outcome;

/** When the relay, not the recipients, is the problem. */
class RelayBreakerTest {

    private static final SendResult ACCEPTED = SendResult.of(Outcome.ACCEPTED, new SmtpReply(250, "2.0.0", "ok"));
    private static final SendResult UNREACHABLE = new SendResult(Outcome.CONNECTION_FAILED, null, "Connection refused");
    private static final SendResult RELAY_DENIED = SendResult.of(Outcome.REJECTED_PERMANENT,
            new SmtpReply(550, "5.7.1", "relaying denied"));
    private static final SendResult UNKNOWN_USER = SendResult.of(Outcome.REJECTED_PERMANENT,
            new SmtpReply(550, "5.1.1", "unknown user"));
    private static final SendResult SLOW_DOWN = SendResult.of(Outcome.CONNECTION_FAILED, new SmtpReply(421, "4.7.0", "slow down"));
    private static final SendResult BAD_PASSWORD = new SendResult(Outcome.CONNECTION_FAILED,
            new SmtpReply(535, "5.7.8", "authentication failed"), "cannot connect: 535 5.7.8 authentication failed");

    private final RelayBreaker breaker = new RelayBreaker();

    @Test
    void givenAnAuthenticationRefusalThenItTripsAtOnceAndIsNotWorthRetrying() {
        assertThat(breaker.observe(1, "example.com", BAD_PASSWORD)).isTrue();

        assertThat(breaker.reason()).contains("refused authentication", "SPRING_MAIL_PASSWORD");
        assertThat(breaker.blamed()).containsExactly(1L);
        assertThat(RelayBreaker.worthRetrying(BAD_PASSWORD)).isFalse();
        assertThat(RelayBreaker.worthRetrying(UNREACHABLE)).isTrue();
    }

    @Test
    void givenThreeMessagesInARowThatCouldNotReachTheRelayThenItTrips() {
        assertThat(breaker.observe(1, "a.example", UNREACHABLE)).isFalse();
        assertThat(breaker.observe(2, "a.example", ACCEPTED)).isFalse();
        assertThat(breaker.observe(3, "a.example", UNREACHABLE)).isFalse();
        assertThat(breaker.observe(4, "b.example", UNREACHABLE)).isFalse();

        assertThat(breaker.observe(5, "c.example", UNREACHABLE)).isTrue();
        assertThat(breaker.reason()).contains("could not be reached for 3 messages in a row");
        assertThat(breaker.blamed()).containsExactly(1L, 3L, 4L, 5L);
    }

    @Test
    void givenA421ThenItIsAReceiverSlowingDownNotTheRelayFailing() {
        for (long id = 1; id <= 10; id++) {
            assertThat(breaker.observe(id, "docomo.ne.jp", SLOW_DOWN)).isFalse();
        }
    }

    @Test
    void givenTheSamePolicyRejectionForMostRecentMessagesAcrossDomainsThenItTrips() {
        breaker.observe(1, "a.example", ACCEPTED);
        for (long id = 2; id <= 5; id++) {
            assertThat(breaker.observe(id, id % 2 == 0 ? "a.example" : "b.example", RELAY_DENIED)).isFalse();
        }

        assertThat(breaker.observe(6, "c.example", RELAY_DENIED)).as("5 of the last 6").isTrue();
        assertThat(breaker.reason()).contains("same policy reply", "550 5.7.1 relaying denied");
        assertThat(breaker.observe(7, "d.example", RELAY_DENIED)).isTrue();
        assertThat(breaker.blamed()).as("those already under way are blamed too").containsExactly(2L, 3L, 4L, 5L, 6L, 7L);
    }

    @Test
    void givenPolicyRejectionsFromOneDomainOnlyThenItIsThatDomainsPolicyAndItDoesNotTrip() {
        for (long id = 1; id <= 10; id++) {
            assertThat(breaker.observe(id, "ezweb.ne.jp", RELAY_DENIED)).isFalse();
        }
    }

    @Test
    void givenThePolicyRejectionsComeFromTheJapaneseCarriersOnlyThenItIsTheirFilteringAndItDoesNotTrip() {
        String[] carriers = {"docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp"};
        for (long id = 1; id <= 10; id++) {
            assertThat(breaker.observe(id, carriers[(int) id % carriers.length], RELAY_DENIED)).isFalse();
        }
    }

    @Test
    void givenTheCarriersAndAnotherDomainRejectAlikeThenItIsTheRelayAndItTrips() {
        for (long id = 1; id <= 4; id++) {
            assertThat(breaker.observe(id, id % 2 == 0 ? "docomo.ne.jp" : "au.com", RELAY_DENIED)).isFalse();
        }

        assertThat(breaker.observe(5, "example.com", RELAY_DENIED)).isTrue();
        assertThat(breaker.signature()).isEqualTo("550 5.7.1");
        assertThat(breaker.trippedOnReplies()).isTrue();
    }

    @Test
    void givenPolicyRejectionsMixedWithSuccessesThenItDoesNotTrip() {
        for (long id = 1; id <= 20; id++) {
            SendResult result = id % 2 == 0 ? ACCEPTED : RELAY_DENIED;
            assertThat(breaker.observe(id, "d" + id + ".example", result)).isFalse();
        }
    }

    @Test
    void givenRecipientRejectionsThenItNeverTrips() {
        for (long id = 1; id <= 20; id++) {
            assertThat(breaker.observe(id, "d" + id + ".example", UNKNOWN_USER)).isFalse();
        }
        assertThat(breaker.blamed()).isEmpty();
    }
}
