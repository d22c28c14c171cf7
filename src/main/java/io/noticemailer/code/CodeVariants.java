package io.noticemailer.code;

import java.util.ArrayList;
import java.util.List;

/** The mistakes a caller makes with a code: one character replaced, or two different neighbours swapped. */
final class CodeVariants {

    private CodeVariants() {
    }

    /** Every distinct variant of {@code characters} by one substitution or one swap of neighbours, never itself. */
    static List<String> of(String characters) {
        List<String> variants = new ArrayList<>(substitutions(characters));
        variants.addAll(neighbourSwaps(characters));
        return variants;
    }

    static List<String> substitutions(String characters) {
        List<String> variants = new ArrayList<>();
        for (int position = 0; position < characters.length(); position++) {
            for (char replacement : CheckCharacter.ALPHABET.toCharArray()) {
                if (replacement != characters.charAt(position)) {
                    char[] variant = characters.toCharArray();
                    variant[position] = replacement;
                    variants.add(new String(variant));
                }
            }
        }
        return variants;
    }

    /** Swaps of equal neighbours are left out: they give the same code, so they are no mistake. */
    static List<String> neighbourSwaps(String characters) {
        List<String> variants = new ArrayList<>();
        for (int position = 0; position + 1 < characters.length(); position++) {
            char left = characters.charAt(position);
            char right = characters.charAt(position + 1);
            if (left != right) {
                char[] variant = characters.toCharArray();
                variant[position] = right;
                variant[position + 1] = left;
                variants.add(new String(variant));
            }
        }
        return variants;
    }
}
