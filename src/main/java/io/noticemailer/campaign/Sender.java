package io.noticemailer.campaign;

/** The From of every notice: display name (may be Japanese, may be empty) and address; domain is the address's. */
public record Sender(String displayName, String address) {

    public String domain() {
        return address.substring(address.lastIndexOf('@') + 1);
    }
}
