package io.noticemailer.message;

/**
 * Last guard before an address goes into a header unparsed: the importer validates addresses, but a
 * CR, LF, space or list separator reaching this point would allow header injection or a second recipient.
 */
final class RecipientCheck {

    private static final int FIRST_VISIBLE_ASCII = 0x21;
    private static final int LAST_VISIBLE_ASCII = 0x7e;
    private static final String FORBIDDEN = ",;<>\"()[]\\";

    private RecipientCheck() {
    }

    /** Reports the offending position only: the address itself must not reach a log. */
    static void requireSingleMailbox(String recipient, String messageId) {
        if (recipient == null || recipient.isEmpty()) {
            throw new MessageException("message " + messageId + ": no recipient address");
        }
        for (int i = 0; i < recipient.length(); i++) {
            char c = recipient.charAt(i);
            if (c < FIRST_VISIBLE_ASCII || c > LAST_VISIBLE_ASCII || FORBIDDEN.indexOf(c) >= 0) {
                throw new MessageException("message " + messageId + ": recipient address has a forbidden character"
                        + " (U+" + String.format("%04X", (int) c) + ") at position " + (i + 1));
            }
        }
        if (recipient.indexOf('@') != recipient.lastIndexOf('@') || recipient.indexOf('@') <= 0
                || recipient.endsWith("@")) {
            throw new MessageException("message " + messageId + ": recipient address needs exactly one '@'"
                    + " between a local part and a domain");
        }
    }
}
