package io.noticemailer.bounce;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParsePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.eclipse.angus.mail.dsn.DeliveryStatus;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

/**
 * Reads one message with Jakarta Mail and tells whether it is a delivery status notification (RFC 3464:
 * {@code multipart/report; report-type=delivery-status}, or RFC 6533's global variant). The status part is
 * parsed by Angus's DSN module; the original message's headers come from its {@code text/rfc822-headers} or
 * {@code message/rfc822} part. Anything else is said to be an auto-reply, a report of another kind, or not a
 * DSN: nothing is guessed from a human-readable text.
 */
final class DsnParser {

    private static final List<String> STATUS_TYPES = List.of("message/delivery-status", "message/global-delivery-status");
    private static final List<String> HEADER_TYPES = List.of("text/rfc822-headers", "message/rfc822",
            "message/global-headers", "message/global");

    private final Session session = Session.getInstance(new Properties());

    ReadMail parse(InputStream in) throws MessagingException, IOException {
        MimeMessage message = new MimeMessage(session, in);
        if (message.isMimeType("multipart/report") && message.getContent() instanceof Multipart parts) {
            Part status = first(parts, STATUS_TYPES);
            if (status != null) {
                return dsn(message, status, first(parts, HEADER_TYPES));
            }
            String reportType = new ContentType(message.getContentType()).getParameter("report-type");
            if (reportType != null && !reportType.toLowerCase(Locale.ROOT).endsWith("delivery-status")) {
                return new ReadMail.Skipped(SkipReason.OTHER_REPORT);
            }
        }
        return new ReadMail.Skipped(isAutomatic(message) ? SkipReason.AUTO_REPLY : SkipReason.NOT_A_DSN);
    }

    private static ReadMail dsn(MimeMessage message, Part statusPart, Part originalPart)
            throws MessagingException, IOException {
        // Read whole first: DeliveryStatus reads blocks while the stream says bytes are available.
        DeliveryStatus status = new DeliveryStatus(new ByteArrayInputStream(statusPart.getInputStream().readAllBytes()));
        List<InternetHeaders> blocks = new ArrayList<>();
        blocks.add(status.getMessageDSN());
        for (int i = 0; i < status.getRecipientDSNCount(); i++) {
            blocks.add(status.getRecipientDSN(i));
        }
        InternetHeaders perMessage = blocks.stream().filter(b -> field(b, "Final-Recipient") == null
                && field(b, "Action") == null).findFirst().orElse(new InternetHeaders());
        List<RecipientReport> recipients = blocks.stream().filter(b -> field(b, "Final-Recipient") != null
                || field(b, "Action") != null).map(DsnParser::recipient).toList();
        InternetHeaders original = originalPart == null ? null : new InternetHeaders(originalPart.getInputStream());
        return new ReadMail.Dsn(field(perMessage, "Reporting-MTA"), instant(message.getHeader("Date", null)),
                instant(field(perMessage, "Arrival-Date")), messageId(original), from(original), recipients);
    }

    private static RecipientReport recipient(InternetHeaders block) {
        String action = field(block, "Action");
        return new RecipientReport(action == null ? null : action.toLowerCase(Locale.ROOT).split("[\\s(]", 2)[0],
                DsnText.status(field(block, "Status")), DsnText.diagnostic(field(block, "Diagnostic-Code")),
                DsnText.address(field(block, "Original-Recipient")), DsnText.address(field(block, "Final-Recipient")),
                instant(field(block, "Last-Attempt-Date")));
    }

    private static Part first(Multipart parts, List<String> types) throws MessagingException {
        for (int i = 0; i < parts.getCount(); i++) {
            BodyPart part = parts.getBodyPart(i);
            for (String type : types) {
                if (part.isMimeType(type)) {
                    return part;
                }
            }
        }
        return null;
    }

    /** RFC 3834's Auto-Submitted (anything but "no"), and the older vacation programs' own headers. */
    private static boolean isAutomatic(MimeMessage message) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        String precedence = message.getHeader("Precedence", null);
        return autoSubmitted != null && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")
                || message.getHeader("X-Autoreply") != null || message.getHeader("X-Autorespond") != null
                || precedence != null && precedence.strip().equalsIgnoreCase("auto_reply");
    }

    private static String field(InternetHeaders block, String name) {
        String value = block.getHeader(name, null);
        return value == null || value.isBlank() ? null : DsnText.decode(value);
    }

    private static String messageId(InternetHeaders original) {
        String id = original == null ? null : field(original, "Message-ID");
        if (id == null) {
            return null;
        }
        int open = id.indexOf('<');
        int close = id.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            return id.substring(open, close + 1);
        }
        String bare = id.strip().split("\\s", 2)[0];
        return bare.isEmpty() ? null : "<" + bare + ">";
    }

    private static String from(InternetHeaders original) {
        String from = original == null ? null : original.getHeader("From", null);
        if (from == null) {
            return null;
        }
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(from, false);
            return addresses.length == 0 ? null : addresses[0].getAddress();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static Instant instant(String date) {
        if (date == null) {
            return null;
        }
        Date parsed = new MailDateFormat().parse(date.strip(), new ParsePosition(0));
        return parsed == null ? null : parsed.toInstant();
    }
}
