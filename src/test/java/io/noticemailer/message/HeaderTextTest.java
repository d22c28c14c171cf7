package io.noticemailer.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The length model that cuts encoded-words must agree with the encoder, or words could exceed 75 characters. */
class HeaderTextTest {

    private static final String ALPHABET = "aZ9 -:【】ご案内様高橋〜−‖¢£¬¥‾、。ー（）！？";

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void theLengthModelEqualsTheEncodedLengthOfEveryPrefix(NoticeCharset charset) {
        Random random = new Random(20181225);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            HeaderText.EncodedLength length = new HeaderText.EncodedLength(charset);
            for (int i = 0; i < 25; i++) {
                int cp = ALPHABET.codePointAt(random.nextInt(ALPHABET.length()));
                int predicted = length.with(cp);
                length.add(cp);
                text.appendCodePoint(cp);
                assertThat(predicted).as(text.toString())
                        .isEqualTo(charset.encodeStrictly(text.toString()).orElseThrow().length);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(NoticeCharset.class)
    void wordsUseTheRoomThereIsAndNeverMore(NoticeCharset charset) {
        String subject = "【重要】弊社運営サイトにおける不正アクセスによるお客様情報流出に関するお詫びとご報告 ¥ DL-7K3M-Q9XA";

        var words = HeaderText.words(subject, charset, "Subject: ".length());

        assertThat(words.get(0).length()).isLessThanOrEqualTo(76 - "Subject: ".length()).isGreaterThan(55);
        assertThat(words).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(75));
        assertThat(words.subList(1, words.size() - 1)).allSatisfy(w -> assertThat(w.length()).isGreaterThan(60));
    }
}
