package io.noticemailer.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class ManagementCodesTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern WELL_FORMED = Pattern.compile("DL-[" + ALPHABET + "]{4}-[" + ALPHABET + "]{4}");
    private static final int DRAWS = 100_000;

    private final ManagementCodes codes = new ManagementCodes(new SplittableRandom(20181225L));

    @Test
    void generatedCodesAreWellFormedAndCarryAValidCheckCharacter() {
        for (int i = 0; i < 10_000; i++) {
            String code = codes.generate("DL");
            assertThat(code).matches(WELL_FORMED);
            assertThat(codes.isValid(code)).as(code).isTrue();
        }
    }

    @Test
    void hundredThousandCodesCollideNoMoreThanThirtyFiveRandomBitsWould() {
        Set<String> seen = new HashSet<>();
        int collisions = 0;
        for (int i = 0; i < DRAWS; i++) {
            collisions += seen.add(codes.generate("DL")) ? 0 : 1;
        }
        // n²/2·2⁻³⁵ ≈ 0.15 expected collisions; 4 or more would happen once in 50,000 runs
        assertThat(collisions).isLessThanOrEqualTo(3);
    }

    @Test
    void consecutiveCodesAreNotSequential() {
        long previous = payloadValue(codes.generate("DL"));
        int close = 0;
        for (int i = 0; i < 10_000; i++) {
            long current = payloadValue(codes.generate("DL"));
            close += Math.abs(current - previous) < (1 << 16) ? 1 : 0;
            previous = current;
        }
        assertThat(close).isLessThanOrEqualTo(1);
    }

    @Test
    void everyCharacterIsEquallyLikelyAtEveryRandomPosition() {
        int[][] counts = new int[ManagementCodes.PAYLOAD_LENGTH][ALPHABET.length()];
        for (int i = 0; i < DRAWS; i++) {
            String characters = codeCharacters(codes.generate("DL"));
            for (int position = 0; position < ManagementCodes.PAYLOAD_LENGTH; position++) {
                counts[position][ALPHABET.indexOf(characters.charAt(position))]++;
            }
        }
        int expected = DRAWS / ALPHABET.length();
        for (int[] position : counts) {
            assertThat(Arrays.stream(position).boxed().toList()).allSatisfy(count -> assertThat(count).isBetween(expected - 400, expected + 400));
        }
    }

    @Test
    void generateRefusesAPrefixOutsideTheFormat() {
        assertThatThrownBy(() -> codes.generate("dl")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.generate("ABCDEFGHI")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> codes.generate("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isValidRejectsAnythingButTheCanonicalForm() {
        String code = codes.generate("DL");
        assertThat(codes.isValid(code.toLowerCase())).isFalse();
        assertThat(codes.isValid(code.replace("-", ""))).isFalse();
        assertThat(codes.isValid(" " + code)).isFalse();
        assertThat(codes.isValid("ABCDEFGHI" + code.substring(2))).isFalse();
        assertThat(codes.isValid("DL-0000-000O")).isFalse();
        assertThat(codes.isValid("DL-U000-0000")).isFalse();
        assertThat(codes.isValid(null)).isFalse();
    }

    @Test
    void aSubstitutedCharacterLeadsBackToTheIntendedCode() {
        String code = codes.generate("DL");
        String characters = codeCharacters(code);
        for (int position = 0; position < ManagementCodes.CODE_LENGTH; position++) {
            char wrong = ALPHABET.charAt((ALPHABET.indexOf(characters.charAt(position)) + 7) % ALPHABET.length());
            String typed = ManagementCodes.format("DL", replaceAt(characters, position, wrong));
            assertThat(codes.oneCharacterAway(typed)).as(typed).contains(code);
        }
    }

    @Test
    void aSwapOfNeighboursLeadsBackToTheIntendedCode() {
        String code = "DL-7K3M-Q9X" + CheckCharacter.compute("7K3MQ9X");
        String swapped = "DL-K73M-Q9X" + CheckCharacter.compute("7K3MQ9X");
        assertThat(codes.oneCharacterAway(swapped)).contains(code);
    }

    @Test
    void candidatesAreValidAndOneMistakeAway() {
        String typed = "DL-7K3M-Q9XC";
        List<String> candidates = codes.oneCharacterAway(typed);
        assertThat(candidates).isNotEmpty().doesNotHaveDuplicates().doesNotContain(typed);
        for (String candidate : candidates) {
            assertThat(codes.isValid(candidate)).as(candidate).isTrue();
            assertThat(oneMistakeApart(codeCharacters(typed), codeCharacters(candidate))).as(candidate).isTrue();
        }
    }

    @Test
    void aValidCodeHasNoValidCodeOneSubstitutionAway() {
        String code = codes.generate("DL");
        List<String> candidates = codes.oneCharacterAway(code);
        for (String candidate : candidates) {
            assertThat(differingPositions(codeCharacters(code), codeCharacters(candidate))).isEqualTo(2);
        }
    }

    @Test
    void oneCharacterAwayRefusesATextThatIsNotNormalised() {
        assertThatThrownBy(() -> codes.oneCharacterAway("dl-7k3m-q9xc")).isInstanceOf(IllegalArgumentException.class);
    }

    private static String codeCharacters(String code) {
        return code.substring(code.indexOf('-') + 1).replace("-", "");
    }

    private static long payloadValue(String code) {
        long value = 0;
        for (char c : codeCharacters(code).substring(0, ManagementCodes.PAYLOAD_LENGTH).toCharArray()) {
            value = value * ALPHABET.length() + ALPHABET.indexOf(c);
        }
        return value;
    }

    private static String replaceAt(String text, int position, char replacement) {
        char[] chars = text.toCharArray();
        chars[position] = replacement;
        return new String(chars);
    }

    private static int differingPositions(String a, String b) {
        int differing = 0;
        for (int i = 0; i < a.length(); i++) {
            differing += a.charAt(i) == b.charAt(i) ? 0 : 1;
        }
        return differing;
    }

    private static boolean oneMistakeApart(String a, String b) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < a.length(); i++) {
            if (a.charAt(i) != b.charAt(i)) {
                positions.add(i);
            }
        }
        boolean swap = positions.size() == 2 && positions.get(1) == positions.get(0) + 1
                && a.charAt(positions.get(0)) == b.charAt(positions.get(1))
                && a.charAt(positions.get(1)) == b.charAt(positions.get(0));
        return positions.size() == 1 || swap;
    }
}
