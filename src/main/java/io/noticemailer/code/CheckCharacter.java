package io.noticemailer.code;

/**
 * Luhn mod N (N = 32) over the Crockford base32 alphabet. Doubling every second character from the right
 * (and folding the result back into 0..31) makes every single substitution change the sum, and every swap
 * of two different neighbours except 0 and Z.
 */
final class CheckCharacter {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final int N = ALPHABET.length();

    private CheckCharacter() {
    }

    /** The character that, appended to {@code payload}, makes it valid. */
    static char compute(CharSequence payload) {
        int sum = weightedSum(payload, true);
        return ALPHABET.charAt((N - sum % N) % N);
    }

    /** Whether {@code codeCharacters} (payload followed by its check character) is consistent. */
    static boolean verify(CharSequence codeCharacters) {
        return weightedSum(codeCharacters, false) % N == 0;
    }

    static boolean inAlphabet(char c) {
        return ALPHABET.indexOf(c) >= 0;
    }

    private static int weightedSum(CharSequence characters, boolean doubleRightmost) {
        boolean doubled = doubleRightmost;
        int sum = 0;
        for (int i = characters.length() - 1; i >= 0; i--) {
            int value = ALPHABET.indexOf(characters.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a Crockford base32 character at position " + (i + 1));
            }
            int addend = doubled ? 2 * value : value;
            sum += addend / N + addend % N;
            doubled = !doubled;
        }
        return sum;
    }
}
