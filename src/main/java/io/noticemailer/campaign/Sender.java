package io.noticemailer.campaign;

/**
 * The From of every notice: display name (may be Japanese, may be empty) and address; domain is the address's.
 * {@code envelopeFrom} (the bounce address, MAIL FROM) and {@code ehlo} (the name given in EHLO) are null
 * when the job file leaves them to {@code spring.mail.properties} or the defaults.
 */
public record Sender(String displayName, String address, String envelopeFrom, String ehlo) {

    public Sender(String displayName, String address) {
        this(displayName, address, null, null);
    }

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
