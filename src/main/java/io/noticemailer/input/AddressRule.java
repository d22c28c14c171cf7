package io.noticemailer.input;

/**
 * One recipient address per cell, checked but never changed. The local part is RFC 5322 atext and dots in any
 * order, because Japanese carriers issued mailboxes such as {@code taro..yamada@docomo.ne.jp},
 * {@code hanako.@ezweb.ne.jp} and {@code .abc@ezweb.ne.jp} that break dot-atom yet are real and deliverable.
 */
final class AddressRule {

    private static final int MAX_LOCAL_OCTETS = 64;
    private static final int MAX_ADDRESS_OCTETS = 254;
    private static final int MAX_LABEL_OCTETS = 63;
    private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";
    private static final char AT = '@';
    private static final int LAST_PRINTABLE_ASCII = 0x7E;
    private static final int FIRST_PRINTABLE_ASCII = 0x20;

    private AddressRule() {
    }

    /** Null when the (trimmed) address is usable, else what is wrong; never contains the address. */
    static String check(String address) {
        if (address.isEmpty()) {
            return "no address";
        }
        String problem = firstNonNull(characters(address), structure(address));
        if (problem == null && address.length() > MAX_ADDRESS_OCTETS) {
            problem = "address longer than " + MAX_ADDRESS_OCTETS + " octets";
        }
        return problem;
    }

    private static String characters(String address) {
        if (address.indexOf(',') >= 0 || address.indexOf(';') >= 0) {
            return "a list of addresses (',' or ';' in one cell)";
        }
        int space = address.codePoints().filter(AddressRule::isSpace).findFirst().orElse(-1);
        if (space >= 0) {
            return "whitespace " + Text.codePoint(space) + " inside the address (a list of addresses?)";
        }
        int other = address.codePoints()
                .filter(cp -> cp < FIRST_PRINTABLE_ASCII || cp > LAST_PRINTABLE_ASCII)
                .findFirst().orElse(-1);
        if (other >= 0) {
            return (other > LAST_PRINTABLE_ASCII ? "non-ASCII character " : "control character ")
                    + Text.codePoint(other);
        }
        return null;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private static String structure(String address) {
        int at = address.indexOf(AT);
        if (at < 0) {
            return "no '@'";
        }
        if (address.indexOf(AT, at + 1) >= 0) {
            return "more than one '@'";
        }
        return firstNonNull(localPart(address.substring(0, at)), domain(address.substring(at + 1)));
    }

    private static String localPart(String local) {
        if (local.isEmpty()) {
            return "empty local part (nothing before '@')";
        }
        if (local.length() > MAX_LOCAL_OCTETS) {
            return "local part longer than " + MAX_LOCAL_OCTETS + " octets";
        }
        int bad = local.chars().filter(c -> !isAtext(c) && c != '.').findFirst().orElse(-1);
        return bad < 0 ? null : "character " + Text.codePoint(bad) + " not allowed in the local part";
    }

    private static boolean isAtext(int c) {
        return isLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0;
    }

    private static boolean isLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static String domain(String domain) {
        if (domain.isEmpty()) {
            return "no domain after '@'";
        }
        if (domain.indexOf('.') < 0) {
            return "no dot in the domain";
        }
        for (String label : domain.split("\\.", -1)) {
            String problem = label(label);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String label(String label) {
        if (label.isEmpty()) {
            return "empty label in the domain (two dots, or a dot at either end)";
        }
        if (label.length() > MAX_LABEL_OCTETS) {
            return "domain label longer than " + MAX_LABEL_OCTETS + " octets";
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            return "domain label starting or ending with '-'";
        }
        int bad = label.chars().filter(c -> !isLetterOrDigit(c) && c != '-').findFirst().orElse(-1);
        return bad < 0 ? null : "character " + Text.codePoint(bad) + " not allowed in the domain";
    }

    private static String firstNonNull(String first, String second) {
        return first != null ? first : second;
    }
}
