package io.noticemailer.ledger;

import java.util.Locale;

/**
 * Customer addresses appear in logs and reports only masked: {@code t***@docomo.ne.jp}. The domain is shown in
 * lower case so that {@code DOCOMO.NE.JP} and {@code docomo.ne.jp} count as one in reports; the address itself
 * (and its local part above all) is never changed anywhere else.
 */
public final class AddressMask {

    private AddressMask() {
    }

    public static String mask(String address) {
        if (address == null || address.isEmpty()) {
            return "";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at).toLowerCase(Locale.ROOT);
    }
}
