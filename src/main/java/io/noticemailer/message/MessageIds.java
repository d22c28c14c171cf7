package io.noticemailer.message;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Message-IDs that stay the same for a delivery across reruns, so a resent or in-doubt mail can be matched. */
public final class MessageIds {

    private static final String BASE32_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final int ID_LENGTH = 26;
    private static final int BITS_PER_CHAR = 5;
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?");
    private static final String LOCALHOST = "localhost";

    private MessageIds() {
    }

    /**
     * {@code <26 base32 chars of SHA-256(campaign NUL customerId)@senderDomain>}. The NUL keeps
     * ("a", "bc") and ("ab", "c") apart; the sender's domain keeps the id ours and never {@code @localhost}.
     */
    public static String forDelivery(String campaign, String customerId, String senderDomain) {
        String domain = checkedDomain(senderDomain);
        byte[] hash = sha256(campaign + "\0" + customerId);
        return "<" + base32(hash) + "@" + domain + ">";
    }

    private static String checkedDomain(String senderDomain) {
        String domain = senderDomain == null ? "" : senderDomain.toLowerCase(Locale.ROOT);
        if (!DOMAIN.matcher(domain).matches() || domain.equals(LOCALHOST)) {
            throw new IllegalArgumentException("sender domain '" + senderDomain
                    + "' cannot carry a Message-ID: an ASCII domain other than localhost is required");
        }
        return domain;
    }

    private static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder(ID_LENGTH);
        for (int i = 0; i < ID_LENGTH; i++) {
            out.append(BASE32_ALPHABET.charAt(bitsAt(bytes, i * BITS_PER_CHAR)));
        }
        return out.toString();
    }

    /** The 5 bits starting at {@code bitOffset}, most significant bit first. */
    private static int bitsAt(byte[] bytes, int bitOffset) {
        int value = 0;
        for (int bit = bitOffset; bit < bitOffset + BITS_PER_CHAR; bit++) {
            int b = bytes[bit / Byte.SIZE] >> (Byte.SIZE - 1 - bit % Byte.SIZE) & 1;
            value = value << 1 | b;
        }
        return value;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime must provide SHA-256", e);
        }
    }
}
