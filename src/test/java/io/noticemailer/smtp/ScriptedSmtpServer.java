package io.noticemailer.smtp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import io.noticemailer.smtp.SmtpScript.Fault;
import io.noticemailer.smtp.SmtpScript.Kind;
import io.noticemailer.smtp.SmtpScript.Stage;

/**
 * A small ESMTP server on 127.0.0.1 for tests: records every command line, every received message (raw
 * bytes and envelope recipient) and the connections, and plays scripted faults.
 *
 * <p>Faults are keyed by transaction number (the n-th MAIL command this server received, counting from 1
 * over all connections, rejected ones included) or by recipient, always or only the first time ("once").
 * A reply starting with 421 is followed by closing the connection, as real servers do.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final SmtpScript script = new SmtpScript();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    private final List<String> recipients = new CopyOnWriteArrayList<>();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicBoolean refusing = new AtomicBoolean();

    private ScriptedSmtpServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts listening on an ephemeral port of 127.0.0.1. */
    public static ScriptedSmtpServer start() throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(new ServerSocket(0, 200, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::acceptLoop, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public String host() {
        return serverSocket.getInetAddress().getHostAddress();
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    /** Connections accepted so far, refused ones included. */
    public int connections() {
        return connections.get();
    }

    /** The most sessions that were open at the same time (refused connections not counted). */
    public int mostSimultaneousSessions() {
        return mostOpen.get();
    }

    /** Every command line received, in order, as sent (without CRLF); message content is not included. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Raw bytes of every message whose final "." arrived, dot-unstuffed, CRLF line ends. */
    public List<byte[]> messages() {
        return List.copyOf(messages);
    }

    /** The envelope recipient (RCPT TO, lower case) of every message whose final "." arrived, in order. */
    public List<String> recipients() {
        return List.copyOf(recipients);
    }

    /**
     * The envelope recipient of every message this server kept: its final "." arrived and was not answered
     * with 4xx or 5xx (a dropped or unanswered one is kept: the client cannot know, that is UNKNOWN's case).
     */
    public List<String> delivered() {
        return List.copyOf(delivered);
    }

    /** How many messages to {@code address} this server kept. */
    public long deliveredTo(String address) {
        String key = address.toLowerCase(Locale.ROOT);
        return delivered.stream().filter(key::equals).count();
    }

    // --- faults by recipient

    /** Answers RCPT for this address (exact, case-insensitive) with {@code reply}, e.g. "550 5.1.1 unknown user". */
    public ScriptedSmtpServer failRecipient(String address, String reply) {
        script.at(Stage.RCPT, address, new Fault(Kind.REPLY, reply), false);
        return this;
    }

    /** Answers the first RCPT for this address with {@code reply}, and accepts it from then on (transient-once). */
    public ScriptedSmtpServer failRecipientOnce(String address, String reply) {
        script.at(Stage.RCPT, address, new Fault(Kind.REPLY, reply), true);
        return this;
    }

    /** Takes every message to this address, then answers its final "." with {@code reply} instead of 250. */
    public ScriptedSmtpServer replyAfterData(String address, String reply) {
        script.at(Stage.END_OF_DATA, address, new Fault(Kind.REPLY, reply), false);
        return this;
    }

    /** Like {@link #replyAfterData(String, String)} for the first message to this address only. */
    public ScriptedSmtpServer replyAfterDataOnce(String address, String reply) {
        script.at(Stage.END_OF_DATA, address, new Fault(Kind.REPLY, reply), true);
        return this;
    }

    /** Closes the connection instead of answering DATA (354) for this address: the body never starts. */
    public ScriptedSmtpServer dropAtData(String address) {
        script.at(Stage.DATA, address, new Fault(Kind.DROP, null), false);
        return this;
    }

    /**
     * Reads the first line of the message to this address and closes the connection while the client is still
     * sending the rest: the final "." never arrives, so the message cannot have been taken.
     */
    public ScriptedSmtpServer dropDuringData(String address) {
        script.at(Stage.BODY, address, new Fault(Kind.DROP, null), false);
        return this;
    }

    /** Takes the message to this address, then closes the connection instead of answering its final ".". */
    public ScriptedSmtpServer dropAfterData(String address) {
        script.at(Stage.END_OF_DATA, address, new Fault(Kind.DROP, null), false);
        return this;
    }

    /** Takes the message to this address, then never answers its final "." (until the client gives up). */
    public ScriptedSmtpServer hangAfterData(String address) {
        script.at(Stage.END_OF_DATA, address, new Fault(Kind.HANG, null), false);
        return this;
    }

    // --- faults by transaction number

    /** Answers the MAIL command of transaction {@code number} with {@code reply}. */
    public ScriptedSmtpServer failMail(int number, String reply) {
        script.at(Stage.MAIL, number, new Fault(Kind.REPLY, reply));
        return this;
    }

    /** Closes the connection instead of answering the MAIL command of transaction {@code number}. */
    public ScriptedSmtpServer dropAtMail(int number) {
        script.at(Stage.MAIL, number, new Fault(Kind.DROP, null));
        return this;
    }

    /** Answers the final "." of transaction {@code number} with {@code reply}, e.g. "554 5.7.1 rejected". */
    public ScriptedSmtpServer replyAfterData(int number, String reply) {
        script.at(Stage.END_OF_DATA, number, new Fault(Kind.REPLY, reply));
        return this;
    }

    /** Closes the connection instead of answering the final "." of transaction {@code number}. */
    public ScriptedSmtpServer dropAfterData(int number) {
        script.at(Stage.END_OF_DATA, number, new Fault(Kind.DROP, null));
        return this;
    }

    /** Never answers the final "." of transaction {@code number}; waits until the client gives up. */
    public ScriptedSmtpServer hangAfterData(int number) {
        script.at(Stage.END_OF_DATA, number, new Fault(Kind.HANG, null));
        return this;
    }

    // --- the server as a whole

    /** Answers every RCPT with {@code reply} (e.g. "550 5.7.1 relaying denied"); null answers normally again. */
    public ScriptedSmtpServer rejectEveryRecipient(String reply) {
        script.everyRecipient(reply);
        return this;
    }

    /** Offers AUTH PLAIN and answers every authentication with {@code reply} (e.g. "535 5.7.8 bad credentials"). */
    public ScriptedSmtpServer authentication(String reply) {
        script.authentication(reply);
        return this;
    }

    /** While on, every new connection is closed at once, before the greeting. */
    public ScriptedSmtpServer refuseConnections(boolean refuse) {
        refusing.set(refuse);
        return this;
    }

    /** While on, new connections get no greeting at all (the client's timeout decides). */
    public ScriptedSmtpServer silent(boolean on) {
        script.silent(on);
        return this;
    }

    /** More sessions at once than this are greeted with "421 4.7.0 too many connections" and closed. */
    public ScriptedSmtpServer maxConnections(int max) {
        script.maxConnections(max);
        return this;
    }

    /** The MAIL command after this many messages on one connection gets 421 and the connection is closed. */
    public ScriptedSmtpServer maxMessagesPerConnection(int max) {
        script.maxMessagesPerConnection(max);
        return this;
    }

    /** While paused, MAIL commands wait for {@link #pause(boolean) pause(false)} before they are answered. */
    public ScriptedSmtpServer pause(boolean on) {
        script.pause(on);
        return this;
    }

    /** Waits this long before answering each final "." (messages stay in flight longer). */
    public ScriptedSmtpServer delayAfterData(Duration delay) {
        script.endOfDataDelay(delay);
        return this;
    }

    /** Called with the number of messages received so far as each message arrives, before it is answered. */
    public ScriptedSmtpServer onMessage(IntConsumer hook) {
        script.onMessage(hook);
        return this;
    }

    @Override
    public void close() throws IOException {
        script.pause(false);
        serverSocket.close();
        for (Socket client : clients) {
            client.close();
        }
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket client = serverSocket.accept();
                connections.incrementAndGet();
                if (refusing.get()) {
                    client.close();
                    continue;
                }
                clients.add(client);
                Thread handler = new Thread(() -> serve(client), "scripted-smtp-" + connections.get());
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        int sessions = open.incrementAndGet();
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            if (sessions > script.maxConnections()) {
                out.write("421 4.7.0 too many connections\r\n".getBytes(StandardCharsets.US_ASCII));
                return;
            }
            mostOpen.accumulateAndGet(sessions, Math::max);
            new ScriptedSmtpConversation(this, script, in, out).run();
        } catch (IOException ignored) {
            // the client went away: the session simply ends
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.decrementAndGet();
            clients.remove(client);
        }
    }

    void record(String command) {
        commands.add(command);
    }

    int nextTransaction() {
        return transactions.incrementAndGet();
    }

    void recordDelivered(String recipient) {
        delivered.add(recipient == null ? "" : recipient.toLowerCase(Locale.ROOT));
    }

    /** @return the number of messages received so far, this one included */
    int recordMessage(String recipient, byte[] message) {
        synchronized (messages) {
            messages.add(message);
            recipients.add(recipient == null ? "" : recipient.toLowerCase(Locale.ROOT));
            return messages.size();
        }
    }
}
