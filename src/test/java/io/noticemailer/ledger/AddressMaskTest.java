package io.noticemailer.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressMaskTest {

    @Test
    void theDomainIsLowerCasedForReportsAndTheLocalPartIsHidden() {
        assertThat(AddressMask.mask("Taro.Yamada@DOCOMO.NE.JP")).isEqualTo("T***@docomo.ne.jp");
        assertThat(AddressMask.mask("taro..yamada@docomo.ne.jp")).isEqualTo("t***@docomo.ne.jp");
    }

    @Test
    void somethingThatIsNoAddressShowsNothingOfIt() {
        assertThat(AddressMask.mask("no-at-sign")).isEqualTo("***");
        assertThat(AddressMask.mask(null)).isEmpty();
    }
}
