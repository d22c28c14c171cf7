package io.noticemailer.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.util.ByteArrayDataSource;

import io.noticemailer.campaign.JobFile;
import io.noticemailer.campaign.Sender;
import io.noticemailer.render.RenderedNotice;

/**
 * Builds the wire-ready message for one notice: single-part {@code text/plain} in the job's charset (UTF-8, or
 * ISO-2022-JP in 7bit when it can carry the whole notice, else UTF-8), headers RFC 2047 B-encoded in the same
 * charset, Date in the campaign's zone, a caller-chosen stable Message-ID, {@code Auto-Submitted}, and no
 * {@code List-Unsubscribe} (a legal notice is not a subscription). DKIM signing, when the job asks for it, comes
 * last, over the finished headers and body; the result is sealed so nothing can change it afterwards.
 */
public final class MessageComposer {

    private static final String AUTO_SUBMITTED = "Auto-Submitted";
    private static final String AUTO_GENERATED = "auto-generated";
    private static final String SEVEN_BIT = "7bit";
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x7e&&[^<>]]+@[\\x21-\\x7e&&[^<>]]+>");

    private final Session session;
    private final MessageSettings settings;
    private final TimeZone zone;
    /** The From header is the same for every notice in a charset: encoded once, not once per message. */
    private final Map<NoticeCharset, String> fromHeaders = new ConcurrentHashMap<>();
    private final AtomicReference<FormattedDate> lastDate = new AtomicReference<>();

    /** Unsigned UTF-8 messages. */
    public MessageComposer(Session session, Sender sender, ZoneId zone) {
        this(session, new MessageSettings(sender, zone, NoticeCharset.UTF_8, null));
    }

    public MessageComposer(Session session, MessageSettings settings) {
        this.session = session;
        this.settings = settings;
        this.zone = TimeZone.getTimeZone(settings.zone());
    }

    /** @throws DkimKeyException when the job signs with a key that cannot be used */
    public static MessageComposer forJob(Session session, JobFile job) {
        return new MessageComposer(session, MessageSettings.forJob(job));
    }

    /** @see #composeNotice */
    public MimeMessage compose(String recipient, RenderedNotice notice, String messageId, Instant date) {
        return composeNotice(recipient, notice, messageId, date).message();
    }

    /**
     * @param recipient the validated mailbox, used exactly as written (legacy carrier addresses such as
     *                  {@code taro..yamada@docomo.ne.jp} break RFC 5322 but are real)
     * @throws MessageException naming the Message-ID and the failing part, never the recipient
     */
    public ComposedMessage composeNotice(String recipient, RenderedNotice notice, String messageId, Instant date) {
        checkMessageId(messageId);
        RecipientCheck.requireSingleMailbox(recipient, messageId);
        checkSubject(notice.subject(), messageId);
        String displayName = settings.sender().displayName();
        NoticeText text = NoticeText.in(settings.charset(), notice, displayName)
                .or(() -> NoticeText.in(NoticeCharset.UTF_8, notice, displayName))
                .orElseThrow(() -> new MessageException("message " + messageId
                        + ": the text holds an unpaired surrogate and cannot be encoded even in UTF-8"));
        try {
            MimeMessage draft = draft(recipient, text, messageId, date);
            byte[] wire = settings.dkim() == null ? bytes(draft) : settings.dkim().sign(draft);
            return new ComposedMessage(new SealedMessage(session, wire, settings.sender().envelopeFrom()), text.charset());
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MessageException("message " + messageId + ": cannot build the MIME message ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    private MimeMessage draft(String recipient, NoticeText text, String messageId, Instant date)
            throws MessagingException, IOException {
        NoticeCharset charset = text.charset();
        String contentType = "text/plain; charset=" + charset.mimeName();
        MimeMessage message = new StableIdMessage(session, messageId);
        String from = fromHeaders.get(charset);
        if (from == null) {
            from = HeaderText.from(settings.sender().address(), text.displayName(), charset);
            fromHeaders.put(charset, from);
        }
        message.setHeader("From", from);
        message.setRecipient(Message.RecipientType.TO, unparsed(recipient));
        message.setHeader("Subject", HeaderText.subject(text.subject(), charset));
        message.setHeader("Date", formatDate(date));
        message.setHeader(AUTO_SUBMITTED, AUTO_GENERATED);
        message.setDataHandler(new DataHandler(new ByteArrayDataSource(text.body(), contentType)));
        message.setHeader("Content-Type", contentType);
        if (charset == NoticeCharset.ISO_2022_JP) {
            // RFC 1468: ISO-2022-JP travels as 7bit; never base64 or quoted-printable.
            message.setHeader("Content-Transfer-Encoding", SEVEN_BIT);
        }
        message.saveChanges();
        return message;
    }

    private static byte[] bytes(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }

    /** Built without parsing, so nothing is "corrected" and no string can expand into a list. */
    private static InternetAddress unparsed(String recipient) {
        InternetAddress address = new InternetAddress();
        address.setAddress(recipient);
        return address;
    }

    private static void checkSubject(String subject, String messageId) {
        if (subject == null || subject.indexOf('\r') >= 0 || subject.indexOf('\n') >= 0) {
            throw new MessageException("message " + messageId + ": the subject must be a single line");
        }
    }

    /**
     * Formatted here rather than by setSentDate, whose formatter is fixed to the JVM zone at class load. The
     * header has whole seconds, and formatting costs more than the rest of the headers: once per second serves
     * every notice composed in it.
     */
    private String formatDate(Instant date) {
        FormattedDate last = lastDate.get();
        if (last != null && last.epochSecond() == date.getEpochSecond()) {
            return last.text();
        }
        MailDateFormat format = new MailDateFormat();
        format.setTimeZone(zone);
        String text = format.format(Date.from(date));
        lastDate.set(new FormattedDate(date.getEpochSecond(), text));
        return text;
    }

    private record FormattedDate(long epochSecond, String text) {
    }

    private static void checkMessageId(String messageId) {
        if (messageId == null || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new MessageException("Message-ID '" + messageId + "' is not of the form <id@domain>");
        }
    }
}
