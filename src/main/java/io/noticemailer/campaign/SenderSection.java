package io.noticemailer.campaign;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * The {@code sender} section: {@code from} is {@code "表示名 <addr@domain>"} or a bare address.
 * The address is our own, so it is held to strict RFC 5322, ASCII, with a dotted domain; the display name
 * may be Japanese but must not contain control characters (it goes into the From header).
 */
final class SenderSection {

    private static final List<String> KEYS = List.of("from", "envelopeFrom", "ehlo");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern ASCII_ADDRESS = Pattern.compile("[\\x21-\\x7E]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");

    private SenderSection() {
    }

    static Sender parse(YamlNode node) {
        YamlMapping sender = node.mapping(KEYS);
        YamlNode from = sender.required("from");
        String written = from.text();
        if (CONTROL.matcher(written).find()) {
            throw from.fail("must not contain control characters");
        }
        InternetAddress address = strictAddress(from, written);
        if (!ASCII_ADDRESS.matcher(address.getAddress()).matches()) {
            throw from.fail("the address must be ASCII with a domain such as example.co.jp");
        }
        String displayName = address.getPersonal() == null ? "" : address.getPersonal().strip();
        String envelopeFrom = sender.optional("envelopeFrom").map(SenderSection::envelopeFrom).orElse(null);
        String ehlo = sender.optional("ehlo")
                .map(n -> n.matching(HOST_NAME, "a fully qualified host name such as mail.example.co.jp")).orElse(null);
        return new Sender(displayName, address.getAddress(), envelopeFrom, ehlo);
    }

    private static String envelopeFrom(YamlNode node) {
        String text = node.text();
        if (!ASCII_ADDRESS.matcher(text).matches()) {
            throw node.fail("must be a bare ASCII address such as bounce@example.co.jp");
        }
        return text;
    }

    private static InternetAddress strictAddress(YamlNode from, String written) {
        try {
            return new InternetAddress(written, true);
        } catch (AddressException e) {
            throw from.fail("must be one address, \"表示名 <addr@example.co.jp>\" or \"addr@example.co.jp\": "
                    + e.getMessage());
        }
    }
}
