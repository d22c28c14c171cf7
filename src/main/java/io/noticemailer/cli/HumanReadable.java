package io.noticemailer.cli;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** A message decoded for people: the headers that matter, then the body text. */
final class HumanReadable {

    private HumanReadable() {
    }

    static String of(MimeMessage message) throws Exception {
        StringBuilder text = new StringBuilder();
        line(text, "From", addresses(message.getFrom()));
        line(text, "To", addresses(message.getAllRecipients()));
        line(text, "Subject", message.getSubject());
        line(text, "Date", message.getHeader("Date", null));
        line(text, "Message-ID", message.getMessageID());
        text.append(System.lineSeparator()).append(message.getContent()).append(System.lineSeparator());
        return text.toString();
    }

    private static String addresses(Address[] addresses) throws MessagingException {
        if (addresses == null) {
            return "";
        }
        StringBuilder joined = new StringBuilder();
        for (Address address : addresses) {
            joined.append(joined.isEmpty() ? "" : ", ").append(decode(address.toString()));
        }
        return joined.toString();
    }

    private static String decode(String value) {
        try {
            return MimeUtility.decodeText(value);
        } catch (java.io.UnsupportedEncodingException e) {
            return value;
        }
    }

    private static void line(StringBuilder text, String name, String value) {
        text.append(name).append(": ").append(value).append(System.lineSeparator());
    }
}
