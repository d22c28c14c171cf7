package io.noticemailer.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressRuleTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "taro..yamada@docomo.ne.jp", "hanako.@ezweb.ne.jp", ".abc@ezweb.ne.jp", "k.takahashi@example.com",
        "Naoki.Kato@Example.NET", "o'brien+tag@mail.example.org", "a!#$%&*/=?^_`{|}~-@x-y.example"})
    void legacyCarrierAndOtherAtextAddressesAreAcceptedUnchanged(String address) {
        InputRow row = Fixtures.rowOf(dir, "1,山田," + address + ",card");

        assertThat(row.problem()).isNull();
        assertThat(row.email()).isEqualTo(address);
        assertThat(row.fields()).containsEntry("メールアドレス", address);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\"a@example.com,b@example.com\"|a list of addresses",
        "a@example.com;b@example.com|a list of addresses",
        "a@example.com b@example.com|whitespace U+0020",
        "taro yamada@example.com|whitespace U+0020",
        "a\u3000b@example.com|whitespace U+3000",
        "taro＠example.com|non-ASCII character U+FF20",
        "ｔaro@example.com|non-ASCII character U+FF54",
        "taro@例え.jp|non-ASCII character U+4F8B",
        "taro@@example.com|more than one '@'",
        "a@b@example.com|more than one '@'",
        "taro.example.com|no '@'",
        "taro@localhost|no dot in the domain",
        "@example.com|empty local part",
        "taro@|no domain",
        "\"\"\"taro\"\"@example.com\"|character U+0022 not allowed in the local part",
        "<taro@example.com>|character U+003C not allowed in the local part",
        "taro(x)@example.com|character U+0028 not allowed in the local part",
        "ta\\ro@example.com|character U+005C not allowed in the local part",
        "taro@example..com|empty label",
        "taro@example.com.|empty label",
        "taro@-example.com|starting or ending with '-'",
        "taro@example-.com|starting or ending with '-'",
        "taro@exa_mple.com|character U+005F not allowed in the domain",
        "taro@[192.0.2.1]|character U+005B not allowed in the domain"})
    void malformedAddressMakesTheRowInvalidWithoutEchoingIt(String cell, String reason) {
        InputRow row = Fixtures.rowOf(dir, "1,山田," + cell + ",card");

        assertThat(row.problem()).startsWith("line 2, field メールアドレス: ").contains(reason);
        assertThat(row.problem()).doesNotContain("taro").doesNotContain("example");
    }

    @Test
    void localPartOfSixtyFourOctetsIsAcceptedAndSixtyFiveIsNot() {
        String domain = "@example.com";

        assertThat(AddressRule.check("a".repeat(64) + domain)).isNull();
        assertThat(AddressRule.check("a".repeat(65) + domain)).contains("local part longer than 64");
    }

    @Test
    void addressOf254OctetsIsAcceptedAnd255IsNot() {
        String label = "d".repeat(60);
        String domain = String.join(".", label, label, label, label) + ".jp";

        assertThat(("a".repeat(7) + "@" + domain)).hasSize(254);
        assertThat(AddressRule.check("a".repeat(7) + "@" + domain)).isNull();
        assertThat(AddressRule.check("a".repeat(8) + "@" + domain)).contains("longer than 254");
    }

    @Test
    void domainLabelLongerThan63OctetsIsInvalid() {
        assertThat(AddressRule.check("a@" + "d".repeat(64) + ".example")).contains("label longer than 63");
    }

    @Test
    void emptyAddressIsInvalid() {
        assertThat(Fixtures.rowOf(dir, "1,山田,\u3000,card").problem())
                .isEqualTo("line 2, field メールアドレス: no address");
    }

    @Test
    void controlCharacterInAnAddressIsNamed() {
        assertThat(AddressRule.check("ta\u0001ro@example.com")).isEqualTo("control character U+0001");
    }
}
