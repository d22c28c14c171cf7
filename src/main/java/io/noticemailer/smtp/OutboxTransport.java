package io.noticemailer.smtp;

import io.noticemailer.send.MailTransport;
import io.noticemailer.send.SendResult;
import io.noticemailer.send.SendResult.Outcome;
import io.noticemailer.send.SmtpReply;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Instead of sending, writes each message as {@code <Message-ID local part>.eml} in a folder, with exactly
 * the bytes that would go over the wire. A file appears whole or not at all (temp file, then atomic
 * rename), so a crash never leaves a half-written notice that looks sent.
 */
public final class OutboxTransport implements MailTransport {

    static final SmtpReply WRITTEN = new SmtpReply(250, "2.0.0", "written to outbox");
    private static final String EXTENSION = ".eml";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;

    public OutboxTransport(Path dir) {
        this.dir = dir;
    }

    /**
     * @throws IllegalArgumentException when the message has no Message-ID: a caller defect, since the file
     *                                  name (and so a rerun's overwrite instead of a duplicate) depends on it
     */
    @Override
    public SendResult send(MimeMessage message, String recipient) {
        String name = fileName(message);
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, name, TEMP_SUFFIX);
            write(message, temp);
            Files.move(temp, dir.resolve(name + EXTENSION), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            return SendResult.of(Outcome.ACCEPTED, WRITTEN);
        } catch (IOException | MessagingException e) {
            deleteQuietly(temp);
            return new SendResult(Outcome.CONNECTION_FAILED, null,
                    "cannot write " + name + EXTENSION + " in outbox " + dir + ": " + FailureClassifier.describe(e));
        }
    }

    /** Forced to disk before the rename: the ledger records the message as sent once this returns. */
    private static void write(MimeMessage message, Path temp) throws IOException, MessagingException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
             OutputStream out = Channels.newOutputStream(channel)) {
            message.writeTo(out);
            out.flush();
            channel.force(true);
        }
    }

    static String fileName(MimeMessage message) {
        String id;
        try {
            id = message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalArgumentException("cannot read the Message-ID that names the outbox file", e);
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("message has no Message-ID: the outbox names files after it");
        }
        String local = id.strip().replaceFirst("^<", "").replaceFirst("@[^@]*$", "").replaceFirst(">$", "");
        String safe = local.replaceAll("[^A-Za-z0-9._-]", "_").replaceFirst("^\\.", "_");
        return safe.isEmpty() ? "_" : safe;
    }

    private static void deleteQuietly(Path temp) {
        if (temp == null) {
            return;
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException ignored) {
            // the write already failed; a leftover .tmp never looks like a sent message
        }
    }

    @Override
    public void close() {
        // files are closed after each message
    }
}
