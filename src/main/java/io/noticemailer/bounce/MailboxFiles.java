package io.noticemailer.bounce;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.apache.james.mime4j.mboxiterator.CharBufferWrapper;
import org.apache.james.mime4j.mboxiterator.FromLinePatterns;
import org.apache.james.mime4j.mboxiterator.MboxIterator;

import jakarta.mail.util.SharedFileInputStream;

/**
 * The messages an operator exported from the bounce mailbox: {@code .eml} files, folders of them (a Maildir's
 * {@code cur/} and {@code new/} included; its {@code tmp/} and the IMAP servers' index files are not mail), and
 * mbox files (a file that starts with a {@code From } line), split by Apache James mime4j's mbox iterator.
 * Every message goes to the visitor with where it came from ({@code file} or {@code file#3}); what cannot be
 * read is named with the reason, and the rest goes on.
 */
final class MailboxFiles {

    interface Visitor {
        void message(String location, InputStream message) throws IOException;

        void unreadable(String location, String reason);
    }

    private static final byte[] MBOX_START = "From ".getBytes(StandardCharsets.US_ASCII);
    private static final List<String> NOT_MAIL = List.of("dovecot", "courier", "maildirfolder", "subscriptions");

    private final long mboxLimit;

    /**
     * @param mboxLimit the largest mbox file read, in bytes: the iterator decodes a whole file into one buffer
     *                  (two bytes per byte of the file), since it cuts a message longer than its buffer short
     *                  and silently drops the rest of the file
     */
    MailboxFiles(long mboxLimit) {
        this.mboxLimit = mboxLimit;
    }

    void read(List<Path> paths, Visitor visitor) {
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                folder(path, visitor);
            } else {
                file(path, visitor);
            }
        }
    }

    private void folder(Path dir, Visitor visitor) {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(Files::isRegularFile).filter(f -> isMail(dir, f)).sorted().toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            visitor.unreadable(dir.toString(), "cannot list the folder (" + reason(e) + ")");
            return;
        }
        files.forEach(file -> file(file, visitor));
    }

    /** Not hidden, not a Maildir's tmp/ (messages being written), not an IMAP server's index or list. */
    private static boolean isMail(Path root, Path file) {
        Path relative = root.relativize(file);
        for (int i = 0; i < relative.getNameCount(); i++) {
            String name = relative.getName(i).toString();
            if (name.startsWith(".")) {
                return false;
            }
            Path folder = root.resolve(relative.subpath(0, i + 1));
            if (name.equals("tmp") && i < relative.getNameCount() - 1 && isMaildir(folder.getParent())) {
                return false;
            }
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return NOT_MAIL.stream().noneMatch(name::startsWith);
    }

    private static boolean isMaildir(Path dir) {
        return Files.isDirectory(dir.resolve("cur")) || Files.isDirectory(dir.resolve("new"));
    }

    private void file(Path file, Visitor visitor) {
        String location = file.toString();
        try {
            if (Files.size(file) == 0) {
                visitor.unreadable(location, "empty file");
            } else if (startsWithFromLine(file)) {
                mbox(file, visitor);
            } else {
                try (InputStream message = new SharedFileInputStream(file.toFile())) {
                    visitor.message(location, message);
                }
            }
        } catch (IOException e) {
            visitor.unreadable(location, "cannot read (" + reason(e) + ")");
        }
    }

    private void mbox(Path file, Visitor visitor) throws IOException {
        long size = Files.size(file);
        if (size > mboxLimit) {
            visitor.unreadable(file.toString(), String.format(Locale.ROOT, "mbox file of %,d bytes, more than the %,d"
                    + " this heap can read at once: split it, export the mailbox as Maildir, or raise"
                    + " NOTICE_MAILER_MAX_HEAP", size, mboxLimit));
            return;
        }
        MboxIterator messages;
        try {
            messages = MboxIterator.fromFile(file).charset(StandardCharsets.ISO_8859_1)
                    .fromLine(FromLinePatterns.DEFAULT2).maxMessageSize((int) size + 1).build();
        } catch (IllegalArgumentException e) {
            visitor.unreadable(file.toString(), "starts like an mbox file but has no From line the mbox format expects");
            return;
        }
        int number = 0;
        for (CharBufferWrapper message : messages) {
            number++;
            // ISO-8859-1 maps bytes to chars one to one, so the message's bytes come back unchanged.
            try (InputStream in = withoutLeadingNewline(message.asInputStream(StandardCharsets.ISO_8859_1))) {
                visitor.message(file + "#" + number, in);
            }
        }
    }

    /** The iterator starts a message one character after the From line's end: the LF of a CRLF mbox. */
    private static InputStream withoutLeadingNewline(InputStream in) throws IOException {
        PushbackInputStream pushback = new PushbackInputStream(in, 1);
        int first = pushback.read();
        if (first != '\n' && first != -1) {
            pushback.unread(first);
        }
        return pushback;
    }

    private static boolean startsWithFromLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return Arrays.equals(in.readNBytes(MBOX_START.length), MBOX_START);
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName()
                : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
