package io.noticemailer.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.noticemailer.smtp.SmtpScript.Fault;
import io.noticemailer.smtp.SmtpScript.Stage;

/** One connection of {@link ScriptedSmtpServer}: speaks ESMTP and plays the server's scripted faults. */
final class ScriptedSmtpConversation {

    private static final String CRLF = "\r\n";
    private static final String SHUTDOWN_CODE = "421";

    private final ScriptedSmtpServer server;
    private final SmtpScript script;
    private final InputStream in;
    private final OutputStream out;
    private int transaction;
    private int messagesOnConnection;
    private String recipient;

    ScriptedSmtpConversation(ScriptedSmtpServer server, SmtpScript script, InputStream in, OutputStream out) {
        this.server = server;
        this.script = script;
        this.in = in;
        this.out = out;
    }

    void run() throws IOException, InterruptedException {
        if (script.silent()) {
            in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        reply("220 127.0.0.1 scripted ESMTP");
        String line;
        while ((line = readLine()) != null) {
            server.record(line);
            if (!handle(line)) {
                return;
            }
        }
    }

    /** @return false when the connection must end */
    private boolean handle(String line) throws IOException, InterruptedException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "EHLO" -> reply("250-127.0.0.1" + CRLF + "250-ENHANCEDSTATUSCODES" + CRLF
                    + (script.authentication() == null ? "" : "250-AUTH PLAIN" + CRLF) + "250 8BITMIME");
            case "AUTH" -> {
                return authenticate(line);
            }
            case "HELO" -> reply("250 127.0.0.1");
            case "MAIL" -> {
                return mail();
            }
            case "RCPT" -> {
                recipient = recipientOf(line);
                if (script.everyRecipient() != null) {
                    return play(new Fault(SmtpScript.Kind.REPLY, script.everyRecipient()), null);
                }
                return play(script.fault(Stage.RCPT, transaction, recipient), "250 2.1.5 recipient ok");
            }
            case "DATA" -> {
                Fault fault = script.fault(Stage.DATA, transaction, recipient);
                if (fault != null) {
                    return play(fault, null);
                }
                reply("354 end data with <CR><LF>.<CR><LF>");
                return receiveMessage();
            }
            case "RSET", "NOOP" -> reply("250 2.0.0 ok");
            case "QUIT" -> {
                reply("221 2.0.0 bye");
                return false;
            }
            default -> reply("500 5.5.1 command not recognized");
        }
        return true;
    }

    /** AUTH PLAIN, with the credentials on the same line or after a 334. */
    private boolean authenticate(String line) throws IOException {
        if (line.trim().split("\\s+").length < 3) {
            reply("334 ");
            String credentials = readLine();
            if (credentials == null) {
                return false;
            }
            server.record("(credentials)");
        }
        String answer = script.authentication() == null ? "503 5.5.1 AUTH not offered" : script.authentication();
        return play(new Fault(SmtpScript.Kind.REPLY, answer), null);
    }

    private boolean mail() throws IOException, InterruptedException {
        script.awaitUnpaused();
        transaction = server.nextTransaction();
        recipient = null;
        if (messagesOnConnection >= script.maxMessagesPerConnection()) {
            return play(null, "421 4.7.0 too many messages in this session");
        }
        return play(script.fault(Stage.MAIL, transaction, null), "250 2.1.0 sender ok");
    }

    private boolean receiveMessage() throws IOException, InterruptedException {
        if (script.fault(Stage.BODY, transaction, recipient) != null) {
            readLine();
            return false; // unread data pending: the close resets the connection under the client's writes
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String line;
        while ((line = readLine()) != null && !line.equals(".")) {
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            body.writeBytes((unstuffed + CRLF).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (line == null) {
            return false;
        }
        messagesOnConnection++;
        int received = server.recordMessage(recipient, body.toByteArray());
        script.messageReceived(received);
        if (!script.endOfDataDelay().isZero()) {
            Thread.sleep(script.endOfDataDelay().toMillis());
        }
        Fault fault = script.fault(Stage.END_OF_DATA, transaction, recipient);
        if (fault == null || fault.kind() != SmtpScript.Kind.REPLY || fault.reply().startsWith("2")) {
            server.recordDelivered(recipient);
        }
        return play(fault, "250 2.0.0 queued as " + received);
    }

    /** Plays {@code fault}, or answers {@code normal} when there is none. @return false when the connection ends */
    private boolean play(Fault fault, String normal) throws IOException {
        if (fault == null) {
            reply(normal);
            return !normal.startsWith(SHUTDOWN_CODE);
        }
        return switch (fault.kind()) {
            case REPLY -> {
                reply(fault.reply());
                yield !fault.reply().startsWith(SHUTDOWN_CODE);
            }
            case DROP -> false;
            case HANG -> {
                in.transferTo(OutputStream.nullOutputStream());
                yield false;
            }
        };
    }

    private static String recipientOf(String line) {
        int open = line.indexOf('<');
        int close = line.lastIndexOf('>');
        return open >= 0 && close > open ? line.substring(open + 1, close) : "";
    }

    private void reply(String text) throws IOException {
        out.write((text + CRLF).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** A line without its CRLF, bytes kept as ISO-8859-1 so raw 8-bit content survives; null at EOF. */
    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            line.write(b);
        }
        if (b == -1 && line.size() == 0) {
            return null;
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
    }
}
