package io.noticemailer.input;

/**
 * A customer's name goes into the greeting and possibly a header, so it must be visible text only. Names are
 * never normalised: 髙, 﨑 and 𠮷 are the customer's own characters.
 */
final class NameRule {

    private NameRule() {
    }

    /** Null when the (trimmed) name is usable, else what is wrong, without echoing the name. */
    static String check(String name) {
        if (name.isEmpty()) {
            return "empty name";
        }
        int bad = Text.firstForbidden(name);
        return bad < 0 ? null : "control or invisible character " + Text.codePoint(bad);
    }
}
