package io.noticemailer.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One connection of {@link ScriptedSmtpServer}: speaks ESMTP and plays the server's scripted faults. */
final class ScriptedSmtpConversation {

    private static final String CRLF = "\r\n";
    private static final String SHUTDOWN_CODE = "421";

    private final ScriptedSmtpServer server;
    private final InputStream in;
    private final OutputStream out;
    private int transaction;

    ScriptedSmtpConversation(ScriptedSmtpServer server, InputStream in, OutputStream out) {
        this.server = server;
        this.in = in;
        this.out = out;
    }

    void run() throws IOException {
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
    private boolean handle(String line) throws IOException {
        String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
        switch (verb) {
            case "EHLO" -> reply("250-127.0.0.1" + CRLF + "250-ENHANCEDSTATUSCODES" + CRLF + "250 8BITMIME");
            case "HELO" -> reply("250 127.0.0.1");
            case "MAIL" -> {
                transaction = server.nextTransaction();
                if (server.dropsAtMail(transaction)) {
                    return false;
                }
                return replyOrDefault(server.mailReply(transaction), "250 2.1.0 sender ok");
            }
            case "RCPT" -> {
                return replyOrDefault(server.recipientReply(recipientOf(line)), "250 2.1.5 recipient ok");
            }
            case "DATA" -> {
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

    private boolean receiveMessage() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String line;
        while ((line = readLine()) != null && !line.equals(".")) {
            String unstuffed = line.startsWith(".") ? line.substring(1) : line;
            body.writeBytes((unstuffed + CRLF).getBytes(StandardCharsets.ISO_8859_1));
        }
        if (line == null) {
            return false;
        }
        int received = server.recordMessage(body.toByteArray());
        ScriptedSmtpServer.Fault fault = server.dataFault(transaction);
        if (fault == null) {
            reply("250 2.0.0 queued as " + received);
            return true;
        }
        return switch (fault.kind()) {
            case REPLY -> replyOrDefault(fault.reply(), null);
            case DROP -> false;
            case HANG -> {
                in.transferTo(OutputStream.nullOutputStream());
                yield false;
            }
        };
    }

    /** @return false after a 421, which ends the connection */
    private boolean replyOrDefault(String scripted, String normal) throws IOException {
        String text = scripted == null ? normal : scripted;
        reply(text);
        return !text.startsWith(SHUTDOWN_CODE);
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
