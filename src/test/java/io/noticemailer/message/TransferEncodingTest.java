package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import jakarta.mail.internet.MimeUtility;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The transfer encoding of a text body at the edges of Jakarta Mail's rule, checked against the rule itself. */
class TransferEncodingTest {

    @BeforeAll
    static void useAngusStreamProvider() {
        MailSystemProperties.apply();
    }

    static Stream<Arguments> bodies() {
        return Stream.of(
                Arguments.of("", TransferEncoding.SEVEN_BIT),
                Arguments.of("a\tb\r\nc\rd\n", TransferEncoding.SEVEN_BIT),
                Arguments.of("x".repeat(998) + "\r\n", TransferEncoding.SEVEN_BIT),
                Arguments.of("x".repeat(999) + "\r\n", TransferEncoding.QUOTED_PRINTABLE),
                Arguments.of("x".repeat(600) + "\r" + "x".repeat(600), TransferEncoding.SEVEN_BIT),
                Arguments.of("abc\u007f", TransferEncoding.QUOTED_PRINTABLE),
                Arguments.of("ab\u00e9", TransferEncoding.BASE64),
                Arguments.of("abc\u00e9", TransferEncoding.QUOTED_PRINTABLE),
                Arguments.of("\u0001", TransferEncoding.BASE64),
                Arguments.of("髙橋 様\r\n", TransferEncoding.BASE64));
    }

    @ParameterizedTest
    @MethodSource("bodies")
    void givenATextBody_whenItsEncodingIsChosen_thenItIsTheOneJakartaMailChooses(String text, TransferEncoding expected)
            throws Exception {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);

        TransferEncoding chosen = TransferEncoding.forText(body);

        assertThat(chosen).isEqualTo(expected);
        assertThat(chosen.mimeName())
                .isEqualTo(MimeUtility.getEncoding(new ByteArrayDataSource(body, "text/plain; charset=UTF-8")));
    }
}
