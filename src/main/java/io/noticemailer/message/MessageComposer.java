package io.noticemailer.message;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Pattern;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeMessage;

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
    private static final String MIME_VERSION = "1.0";
    /** As MimeMessage.setRecipient folds the address list: after "To: ". */
    private static final int TO_FOLD_OFFSET = "To: ".length();
    private static final Pattern MESSAGE_ID = Pattern.compile("<[\\x21-\\x7e&&[^<>]]+@[\\x21-\\x7e&&[^<>]]+>");

    private final Session session;
    private final MessageSettings settings;
    private final TimeZone zone;
    /**
     * The From header is the same for every notice in a charset: encoded once, not once per message. By ordinal:
     * a ConcurrentHashMap look-up by enum (identity hash) showed as a tenth of composing on Java 17.
     */
    private final AtomicReferenceArray<String> fromHeaders = new AtomicReferenceArray<>(NoticeCharset.values().length);
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
            return new ComposedMessage(sealed(build(recipient, text, messageId, date)), text.charset());
        } catch (MessagingException | IOException | RuntimeException e) {
            throw new MessageException("message " + messageId + ": cannot build the MIME message ("
                    + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** Signing reads the built message and writes new bytes, which are parsed once: the RSA cost dwarfs it. */
    private SealedMessage sealed(WireMessage built) throws MessagingException, IOException {
        String envelopeFrom = settings.sender().envelopeFrom();
        SealedMessage unsigned = new SealedMessage(session, built, envelopeFrom);
        if (settings.dkim() == null) {
            return unsigned;
        }
        return new SealedMessage(session, settings.dkim().sign(unsigned), envelopeFrom);
    }

    /**
     * The fields in the order Jakarta Mail's MimeMessage kept them, and the body encoded as its saveChanges chose,
     * so that the bytes are those it wrote before this was built by hand (MimeMessageEquivalenceTest).
     */
    private WireMessage build(String recipient, NoticeText text, String messageId, Instant date)
            throws IOException, MessagingException {
        NoticeCharset charset = text.charset();
        // RFC 1468: ISO-2022-JP travels as 7bit; never base64 or quoted-printable.
        TransferEncoding encoding = charset == NoticeCharset.ISO_2022_JP ? TransferEncoding.SEVEN_BIT
                : TransferEncoding.forText(text.body());
        return new WireMessage(List.of(
                new HeaderField("Date", formatDate(date)),
                new HeaderField("From", fromHeader(text)),
                new HeaderField("To", InternetAddress.toString(new Address[] {unparsed(recipient)}, TO_FOLD_OFFSET)),
                new HeaderField("Message-ID", messageId),
                new HeaderField("Subject", HeaderText.subject(text.subject(), charset)),
                new HeaderField("MIME-Version", MIME_VERSION),
                new HeaderField("Content-Type", "text/plain; charset=" + charset.mimeName()),
                new HeaderField("Content-Transfer-Encoding", encoding.mimeName()),
                new HeaderField(AUTO_SUBMITTED, AUTO_GENERATED)), encoding.encode(text.body()), text.subject());
    }

    private String fromHeader(NoticeText text) throws UnsupportedEncodingException {
        int slot = text.charset().ordinal();
        String from = fromHeaders.get(slot);
        if (from == null) {
            from = HeaderText.from(settings.sender().address(), text.displayName(), text.charset());
            fromHeaders.set(slot, from);
        }
        return from;
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
