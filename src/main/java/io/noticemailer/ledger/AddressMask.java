package io.noticemailer.ledger;

/** Customer addresses appear in logs and reports only masked: {@code t***@docomo.ne.jp}. */
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
        return address.charAt(0) + "***" + address.substring(at);
    }
}
