package io.noticemailer.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The forms in which servers echo a recipient, each masked; the rest of the reply left as it was. */
class AddressMaskingTest {

    private static final String RECIPIENT = "taro..yamada@docomo.ne.jp";

    @Test
    void givenTheAddressAsSentThenItIsMasked() {
        assertThat(AddressMasking.hide("<taro..yamada@docomo.ne.jp>: unknown user", RECIPIENT))
                .isEqualTo("<t***@docomo.ne.jp>: unknown user");
    }

    @Test
    void givenTheQuotedFormThenItIsMasked() {
        assertThat(AddressMasking.hide("550 \"taro..yamada\"@docomo.ne.jp unknown", RECIPIENT))
                .isEqualTo("550 t***@docomo.ne.jp unknown");
        assertThat(AddressMasking.hide("<\"taro..yamada\"@Docomo.Ne.Jp>", RECIPIENT)).isEqualTo("<t***@docomo.ne.jp>");
    }

    @Test
    void givenTheLocalPartAloneThenItIsMaskedWhereverItStandsOnItsOwn() {
        assertThat(AddressMasking.hide("mailbox taro..yamada is full.", RECIPIENT)).isEqualTo("mailbox t*** is full.");
        assertThat(AddressMasking.hide("user \"TARO..YAMADA\" unknown", RECIPIENT)).isEqualTo("user \"t***\" unknown");
        assertThat(AddressMasking.hide("user taro..yamada.", RECIPIENT)).isEqualTo("user t***.");
    }

    @Test
    void givenAWordThatOnlyContainsTheLocalPartThenItIsLeftAlone() {
        String recipient = "info@ezweb.ne.jp";
        assertThat(AddressMasking.hide("information unavailable; info.desk and xinfo stay", recipient))
                .isEqualTo("information unavailable; info.desk and xinfo stay");
        assertThat(AddressMasking.hide("no such user info", recipient)).isEqualTo("no such user i***");
    }

    @Test
    void givenAnotherAddressAtTheRecipientsDomainThenItIsMaskedTooButOtherDomainsAreNot() {
        assertThat(AddressMasking.hide("forwarded to hanako.@docomo.ne.jp by relay@mx.example", RECIPIENT))
                .isEqualTo("forwarded to t***@docomo.ne.jp by relay@mx.example");
        assertThat(AddressMasking.hide("x@docomo.ne.jp.evil.example", RECIPIENT)).isEqualTo("x@docomo.ne.jp.evil.example");
    }
}
