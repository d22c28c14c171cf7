package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MessageIdsTest {

    @Test
    void idIsTwentySixBase32CharactersOnTheSenderDomain() {
        assertThat(MessageIds.forDelivery("dlmarket-2018-12", "C0001", "dlmarket.example"))
                .matches("<[a-z2-7]{26}@dlmarket\\.example>");
    }

    @Test
    void sameDeliveryAlwaysGetsTheSameId() {
        assertThat(MessageIds.forDelivery("dlmarket-2018-12", "C0001", "dlmarket.example"))
                .isEqualTo(MessageIds.forDelivery("dlmarket-2018-12", "C0001", "dlmarket.example"));
    }

    @Test
    void idIsTheBase32OfTheSha256OfCampaignNulCustomer() {
        assertThat(MessageIds.forDelivery("c", "x", "d.example")).startsWith("<" + expectedPrefix("c\0x"));
    }

    @Test
    void differentCustomersOrCampaignsGetDifferentIds() {
        String base = MessageIds.forDelivery("campaign", "C0001", "dlmarket.example");

        assertThat(MessageIds.forDelivery("campaign", "C0002", "dlmarket.example")).isNotEqualTo(base);
        assertThat(MessageIds.forDelivery("campaign-2", "C0001", "dlmarket.example")).isNotEqualTo(base);
    }

    @Test
    void separatorKeepsShiftedBoundariesApart() {
        assertThat(MessageIds.forDelivery("ab", "c", "d.example"))
                .isNotEqualTo(MessageIds.forDelivery("a", "bc", "d.example"));
    }

    @Test
    void domainIsLowerCased() {
        assertThat(MessageIds.forDelivery("c", "1", "DLMarket.Example")).endsWith("@dlmarket.example>");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"localhost", "LOCALHOST", "bad domain", "ドメイン.jp", "-x.example", "x.example."})
    void domainThatCannotCarryAnIdIsRefused(String domain) {
        assertThatThrownBy(() -> MessageIds.forDelivery("c", "1", domain))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("domain");
    }

    private static String expectedPrefix(String input) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(input.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            int first15Bits = (hash[0] & 0xff) << 7 | (hash[1] & 0xff) >> 1;
            String alphabet = "abcdefghijklmnopqrstuvwxyz234567";
            return "" + alphabet.charAt(first15Bits >> 10) + alphabet.charAt(first15Bits >> 5 & 31)
                    + alphabet.charAt(first15Bits & 31);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
