package io.noticemailer.send;

import java.util.Locale;

/** The recipient domain, lower-cased for throttling and reports only: the address itself is never changed. */
final class NoticeDomains {

    private NoticeDomains() {
    }

    static String of(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
