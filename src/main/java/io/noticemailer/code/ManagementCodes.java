package io.noticemailer.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Management codes that customers quote to the hotline: {@code PREFIX-XXXX-XXXX}, e.g. {@code DL-7K3M-Q9XC}.
 * The 8 code characters are Crockford base32 (no I, L, O, U): 7 random ones (35 bits) and a Luhn mod 32
 * check character, so every single mistyped character and nearly every swap of two neighbours is detected.
 */
public final class ManagementCodes {

    static final int CODE_LENGTH = 8;
    static final int PAYLOAD_LENGTH = CODE_LENGTH - 1;
    private static final int GROUP_LENGTH = 4;
    /** The alphabet has 32 characters: 5 bits each. */
    private static final int BITS_PER_CHARACTER = 5;
    private static final long CHARACTER_MASK = (1L << BITS_PER_CHARACTER) - 1;
    private static final Pattern PREFIX = Pattern.compile("[A-Z0-9]{1,8}");
    private static final Pattern CODE = Pattern.compile(
            "([A-Z0-9]{1,8})-([" + CheckCharacter.ALPHABET + "]{4})-([" + CheckCharacter.ALPHABET + "]{4})");

    private final RandomGenerator random;

    /** @param random the source of the code characters: a {@code SecureRandom} in production */
    public ManagementCodes(RandomGenerator random) {
        this.random = random;
    }

    /** A new random code with the given prefix ({@code [A-Z0-9]{1,8}}). */
    public String generate(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("prefix must be 1 to 8 characters A-Z or 0-9: " + prefix);
        }
        // One draw of 35 random bits, 5 per character: a SecureRandom call costs far more than the bits it returns.
        long bits = random.nextLong(1L << (BITS_PER_CHARACTER * PAYLOAD_LENGTH));
        StringBuilder code = new StringBuilder(CODE_LENGTH);
        for (int i = 0; i < PAYLOAD_LENGTH; i++) {
            code.append(CheckCharacter.ALPHABET.charAt((int) (bits & CHARACTER_MASK)));
            bits >>>= BITS_PER_CHARACTER;
        }
        code.append(CheckCharacter.compute(code));
        return format(prefix, code.toString());
    }

    /** Whether {@code code} is in canonical form and its check character matches. */
    public boolean isValid(String code) {
        return codeCharacters(code).map(CheckCharacter::verify).orElse(false);
    }

    /** The canonical form of a code as typed or read out, if it can be read as one; the check is not verified. */
    public Optional<String> normalise(String typed) {
        return CodeNormaliser.normalise(typed);
    }

    /**
     * The valid codes that differ from {@code code} (canonical form) in one of its 8 code characters or by
     * one swap of two neighbouring code characters: the codes a caller most likely meant.
     *
     * @throws IllegalArgumentException when {@code code} is not in canonical form (normalise it first)
     */
    public List<String> oneCharacterAway(String code) {
        String characters = codeCharacters(code)
                .orElseThrow(() -> new IllegalArgumentException("not a code of the form PREFIX-XXXX-XXXX"));
        String prefix = code.substring(0, code.indexOf('-'));
        List<String> candidates = new ArrayList<>();
        for (String variant : CodeVariants.of(characters)) {
            if (CheckCharacter.verify(variant)) {
                candidates.add(format(prefix, variant));
            }
        }
        return List.copyOf(candidates);
    }

    static String format(String prefix, String codeCharacters) {
        return prefix + "-" + codeCharacters.substring(0, GROUP_LENGTH) + "-" + codeCharacters.substring(GROUP_LENGTH);
    }

    private static Optional<String> codeCharacters(String code) {
        if (code == null) {
            return Optional.empty();
        }
        Matcher matcher = CODE.matcher(code);
        return matcher.matches() ? Optional.of(matcher.group(2) + matcher.group(3)) : Optional.empty();
    }
}
