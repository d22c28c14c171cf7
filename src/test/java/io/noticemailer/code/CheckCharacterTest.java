package io.noticemailer.code;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The check character: which typing mistakes it catches. */
class CheckCharacterTest {

    private final ManagementCodes codes = new ManagementCodes(new SplittableRandom(20181225L));

    @Test
    void checkCharacterFollowsLuhnModThirtyTwo() {
        assertThat(codes.isValid("DL-0000-0000")).isTrue();
        assertThat(codes.isValid("DL-1000-000Y")).isTrue();
        assertThat(codes.isValid("DL-0000-010Z")).isTrue();
        assertThat(codes.isValid("DL-0000-010Y")).isFalse();
    }

    @Test
    void everySingleCharacterSubstitutionIsDetected() {
        for (int i = 0; i < 2_000; i++) {
            String code = codes.generate("DL");
            for (String variant : CodeVariants.substitutions(codeCharacters(code))) {
                assertThat(codes.isValid(ManagementCodes.format("DL", variant))).as(variant).isFalse();
            }
        }
    }

    @Test
    void atLeastNinetyFivePercentOfNeighbourSwapsAreDetected() {
        int swaps = 0;
        int detected = 0;
        for (int i = 0; i < 20_000; i++) {
            String code = codes.generate("DL");
            for (String variant : CodeVariants.neighbourSwaps(codeCharacters(code))) {
                swaps++;
                detected += codes.isValid(ManagementCodes.format("DL", variant)) ? 0 : 1;
            }
        }
        assertThat(swaps).isGreaterThan(100_000);
        assertThat((double) detected / swaps).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void onlySwappingZeroWithZGoesUnnoticed() {
        assertThat(codes.isValid("DL-0Z00-0001")).isTrue();
        assertThat(codes.isValid("DL-Z000-0001")).isTrue();
        for (int i = 0; i < 20_000; i++) {
            String characters = codeCharacters(codes.generate("DL"));
            for (String variant : CodeVariants.neighbourSwaps(characters)) {
                if (codes.isValid(ManagementCodes.format("DL", variant))) {
                    assertThat(swappedPair(characters, variant)).as(variant).isEqualTo(Set.of('0', 'Z'));
                }
            }
        }
    }

    private static String codeCharacters(String code) {
        return code.substring(code.indexOf('-') + 1).replace("-", "");
    }

    private static Set<Character> swappedPair(String original, String swapped) {
        Set<Character> pair = new HashSet<>();
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) != swapped.charAt(i)) {
                pair.add(original.charAt(i));
            }
        }
        return pair;
    }
}
