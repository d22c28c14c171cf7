package io.noticemailer.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodeNormaliserTest {

    private final ManagementCodes codes = new ManagementCodes(new SplittableRandom(1));

    @ParameterizedTest
    @ValueSource(strings = {
        "DL-7K3M-Q9XC",
        "dl-7k3m-q9xc",
        "DL 7K3M Q9XC",
        " d l 7 k 3 m q 9 x c ",
        "DL7K3MQ9XC",
        "DL--7K3M--Q9XC-",
        "DL-7K-3M-Q9-XC",
        "ＤＬ－７Ｋ３Ｍ－Ｑ９ＸＣ",
        "ｄｌ\u30007k3m\u3000q9xc",
        "DLー7K3MーQ9XC",
        "DL\u22127K3M\u2212Q9XC",
    })
    void readsTheWaysPeopleWriteACode(String typed) {
        assertThat(codes.normalise(typed)).contains("DL-7K3M-Q9XC");
    }

    @Test
    void readsLetterOAsZeroInTheCodePart() {
        assertThat(codes.normalise("DL-OK3M-Q9XO")).contains("DL-0K3M-Q9X0");
        assertThat(codes.normalise("dl-ok3m-q9xo")).contains("DL-0K3M-Q9X0");
    }

    @Test
    void readsLettersIAndLAsOneInTheCodePart() {
        assertThat(codes.normalise("DL-IK3M-Q9XL")).contains("DL-1K3M-Q9X1");
        assertThat(codes.normalise("dl-lk3m-q9xi")).contains("DL-1K3M-Q9X1");
    }

    @Test
    void keepsLookAlikeLettersInThePrefix() {
        assertThat(codes.normalise("OIL-7K3M-Q9XC")).contains("OIL-7K3M-Q9XC");
        assertThat(codes.normalise("oil7k3mq9xo")).contains("OIL-7K3M-Q9X0");
    }

    @Test
    void splitsThePrefixOffByTakingTheLastEightCharactersAsTheCode() {
        assertThat(codes.normalise("ABC12-7K3M-Q9XC")).contains("ABC12-7K3M-Q9XC");
        assertThat(codes.normalise("A-B-C-1-2-7K3MQ9XC")).contains("ABC12-7K3M-Q9XC");
    }

    @Test
    void takesTheLastEightCharactersAsTheCodeEvenWhenOneIsMissing() {
        assertThat(codes.normalise("DL-7K3M-Q9X")).contains("D-17K3-MQ9X");
    }

    @Test
    void doesNotCheckTheCheckCharacter() {
        assertThat(codes.normalise("dl-7k3m-q9xd")).contains("DL-7K3M-Q9XD");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "7K3M-Q9XC",
        "DL-7K3M-Q9XU",
        "DL/7K3M/Q9XC",
        "DL-7K3M-Q9X@",
        "ABCDEFGHI-7K3M-Q9XC",
        "ＤＬ＠７Ｋ３Ｍ－Ｑ９ＸＣ",
        "DL-７K３M-Q9XＣあ",
    })
    void refusesWhatCannotBeReadAsACode(String typed) {
        assertThat(codes.normalise(typed)).isEmpty();
    }

    @Test
    void refusesNothingTyped() {
        assertThat(codes.normalise(null)).isEmpty();
    }
}
