package io.noticemailer.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.noticemailer.support.BounceFixtures;

/** The bounce mailbox as operators export it: single files, a Maildir, mbox files (LF and CRLF). */
class MailboxFilesTest {

    @TempDir
    Path temp;

    private final List<String> read = new ArrayList<>();
    private final List<String> unreadable = new ArrayList<>();
    private final MailboxFiles.Visitor visitor = new MailboxFiles.Visitor() {
        @Override
        public void message(String location, InputStream message) throws IOException {
            String text = new String(message.readAllBytes(), StandardCharsets.ISO_8859_1);
            read.add(temp.relativize(Path.of(location.replaceFirst("#\\d+$", ""))) + location.replaceFirst("^[^#]*", "")
                    + " " + text.lines().findFirst().orElse(""));
        }

        @Override
        public void unreadable(String location, String reason) {
            unreadable.add(temp.relativize(Path.of(location)) + ": " + reason);
        }
    };

    @Test
    void givenAnMboxWithSeveralMessagesThenEachIsReadWholeAndInOrder() throws Exception {
        Path mbox = BounceFixtures.copy("bounce-mailbox.mbox", Map.of(), temp.resolve("bounces.mbox"));

        new MailboxFiles(1 << 20).read(List.of(mbox), visitor);

        assertThat(read).containsExactly("bounces.mbox#1 Return-Path: <>", "bounces.mbox#2 Return-Path: <>",
                "bounces.mbox#3 Return-Path: <>", "bounces.mbox#4 Date: Tue, 25 Dec 2018 12:01:00 +0900",
                "bounces.mbox#5 Return-Path: <>");
        assertThat(unreadable).isEmpty();
    }

    @Test
    void givenAnMboxWithCrlfLineEndsThenEachMessageStillStartsWithItsHeaders() throws Exception {
        String lf = new String(BounceFixtures.bytes("bounce-mailbox.mbox", Map.of()), StandardCharsets.ISO_8859_1);
        Path mbox = Files.writeString(temp.resolve("windows.mbox"), lf.replace("\n", "\r\n"), StandardCharsets.ISO_8859_1);

        new MailboxFiles(1 << 20).read(List.of(mbox), visitor);

        assertThat(read).hasSize(5).allSatisfy(line -> assertThat(line).matches("windows.mbox#\\d (Return-Path|Date): .*"));
    }

    @Test
    void givenAMaildirThenCurAndNewAreReadAndTmpAndTheServersIndexFilesAreNot() throws Exception {
        Path maildir = temp.resolve("Maildir");
        for (String folder : List.of("cur", "new", "tmp")) {
            Files.createDirectories(maildir.resolve(folder));
        }
        Files.writeString(maildir.resolve("cur/1545700364.M412P2231.mx,S=4160:2,S"), "Subject: seen\n\nbody\n");
        Files.writeString(maildir.resolve("new/1545700805.M1P2231.mx"), "Subject: new\n\nbody\n");
        Files.writeString(maildir.resolve("tmp/1545700900.M2P2231.mx"), "Subject: being written\n\nbody\n");
        Files.writeString(maildir.resolve("dovecot-uidlist"), "3 V1545700000 N2\n");
        Files.writeString(maildir.resolve("dovecot.index.log"), "binary");
        Files.writeString(maildir.resolve(".hidden"), "Subject: hidden\n\n");

        new MailboxFiles(1 << 20).read(List.of(maildir), visitor);

        assertThat(read).containsExactly("Maildir/cur/1545700364.M412P2231.mx,S=4160:2,S Subject: seen",
                "Maildir/new/1545700805.M1P2231.mx Subject: new");
    }

    @Test
    void givenAFolderNamedTmpThatIsNotPartOfAMaildirThenItIsRead() throws Exception {
        Files.createDirectories(temp.resolve("export/tmp"));
        Files.writeString(temp.resolve("export/tmp/one.eml"), "Subject: one\n\nbody\n");

        new MailboxFiles(1 << 20).read(List.of(temp.resolve("export")), visitor);

        assertThat(read).containsExactly("export/tmp/one.eml Subject: one");
    }

    @Test
    void givenMissingEmptyOversizedOrBrokenFilesThenEachIsNamedWithItsReasonAndTheRestIsRead() throws Exception {
        Path missing = temp.resolve("missing.eml");
        Path empty = Files.writeString(temp.resolve("empty.eml"), "");
        Path big = BounceFixtures.copy("bounce-mailbox.mbox", Map.of(), temp.resolve("big.mbox"));
        Path noFromLine = Files.writeString(temp.resolve("broken.mbox"), "From nobody\nSubject: x\n\n");
        Path good = Files.writeString(temp.resolve("good.eml"), "Subject: good\n\nbody\n");

        new MailboxFiles(1000).read(List.of(missing, empty, big, noFromLine, good), visitor);

        assertThat(unreadable).containsExactly("missing.eml: cannot read (no such file or folder)",
                "empty.eml: empty file",
                "big.mbox: mbox file of " + String.format("%,d", Files.size(big)) + " bytes, more than the 1,000 this heap"
                        + " can read at once: split it, export the mailbox as Maildir, or raise NOTICE_MAILER_MAX_HEAP",
                "broken.mbox: starts like an mbox file but has no From line the mbox format expects");
        assertThat(read).containsExactly("good.eml Subject: good");
    }
}
