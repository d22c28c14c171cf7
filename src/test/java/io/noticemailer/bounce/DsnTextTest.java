package io.noticemailer.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** DSN field values as Japanese gateways write them, decoded and masked. */
class DsnTextTest {

    @Test
    void givenRawIso2022JpUtf8OrShiftJisBytesThenTheyAreDecoded() {
        assertThat(DsnText.decode(raw("550 宛先不明", Charset.forName("ISO-2022-JP")))).isEqualTo("550 宛先不明");
        assertThat(DsnText.decode(raw("550 宛先不明", StandardCharsets.UTF_8))).isEqualTo("550 宛先不明");
        assertThat(DsnText.decode(raw("550 宛先不明", Charset.forName("windows-31j")))).isEqualTo("550 宛先不明");
        assertThat(DsnText.decode("550 =?UTF-8?B?5a6b5YWI5LiN5piO?=")).isEqualTo("550 宛先不明");
    }

    @Test
    void givenAFoldedValueThenItIsOneLine() {
        assertThat(DsnText.decode("smtp; 550 5.1.1 <a@example.com>: Recipient address\r\n    rejected"))
                .isEqualTo("smtp; 550 5.1.1 <a@example.com>: Recipient address rejected");
    }

    @Test
    void givenAnyAddressInTheTextThenItIsMaskedTheRecipientWhateverItsCase() {
        assertThat(DsnText.masked("550 <TARO..Yamada@DOCOMO.example> unknown; forwarded from hanako.@ezweb.example",
                "taro..yamada@docomo.example"))
                .isEqualTo("550 <t***@docomo.example> unknown; forwarded from h***@ezweb.example");
    }

    @Test
    void givenFieldsThenTheAddressStatusAndReplyCodeAreTakenOut() {
        assertThat(DsnText.address("RFC822; <Naoki.Kato@example.net>")).isEqualTo("Naoki.Kato@example.net");
        assertThat(DsnText.address("rfc822;")).isNull();
        assertThat(DsnText.status("5.1.1 (bad destination mailbox address)")).isEqualTo("5.1.1");
        assertThat(DsnText.diagnostic("SMTP; 550 5.1.1 unknown")).isEqualTo("550 5.1.1 unknown");
        assertThat(DsnText.diagnostic("X-Postfix; mail loops back to myself")).isEqualTo("X-Postfix; mail loops back to myself");
        assertThat(DsnText.replyCode("552 5.2.2 Mailbox full")).isEqualTo(552);
        assertThat(DsnText.replyCode("X-Postfix; connect timed out")).isNull();
    }

    @Test
    void givenALongTextThenItIsCutToTheColumnBetweenCodePoints() {
        String text = "𠮷".repeat(600);

        String bounded = DsnText.bounded(text);

        assertThat(bounded.length()).isLessThanOrEqualTo(DsnText.MAX_LENGTH);
        assertThat(bounded).endsWith("…");
        assertThat(bounded.codePoints().filter(cp -> Character.getType(cp) == Character.SURROGATE)).as("a lone surrogate").isEmpty();
    }

    private static String raw(String text, Charset charset) {
        return new String(text.getBytes(charset), StandardCharsets.ISO_8859_1);
    }
}
