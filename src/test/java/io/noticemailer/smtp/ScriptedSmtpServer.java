package io.noticemailer.smtp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small ESMTP server on 127.0.0.1 for tests: records every command line, every received message's raw
 * bytes and the number of connections, and plays scripted faults.
 *
 * <p>Faults are keyed by recipient (at RCPT) or by transaction number: the n-th MAIL command this server
 * received, counting from 1 over all connections, rejected ones included. A reply starting with 421 is
 * followed by closing the connection, as real servers do.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<byte[]> messages = new CopyOnWriteArrayList<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final Map<String, String> recipientReplies = new ConcurrentHashMap<>();
    private final Map<Integer, String> mailReplies = new ConcurrentHashMap<>();
    private final Set<Integer> mailDrops = ConcurrentHashMap.newKeySet();
    private final Map<Integer, Fault> dataFaults = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger transactions = new AtomicInteger();
    private final AtomicBoolean refusing = new AtomicBoolean();

    record Fault(Kind kind, String reply) {
    }

    enum Kind { REPLY, DROP, HANG }

    private ScriptedSmtpServer(ServerSocket serverSocket) {
        this.serverSocket = serverSocket;
    }

    /** Starts listening on an ephemeral port of 127.0.0.1. */
    public static ScriptedSmtpServer start() throws IOException {
        ScriptedSmtpServer server = new ScriptedSmtpServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
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

    /** Every command line received, in order, as sent (without CRLF); message content is not included. */
    public List<String> commands() {
        return List.copyOf(commands);
    }

    /** Raw bytes of every message whose final "." arrived, dot-unstuffed, CRLF line ends. */
    public List<byte[]> messages() {
        return List.copyOf(messages);
    }

    /** Answers RCPT for this address (exact, case-insensitive) with {@code reply}, e.g. "550 5.1.1 unknown user". */
    public ScriptedSmtpServer failRecipient(String address, String reply) {
        recipientReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Answers the MAIL command of transaction {@code number} with {@code reply}. */
    public ScriptedSmtpServer failMail(int number, String reply) {
        mailReplies.put(number, reply);
        return this;
    }

    /** Closes the connection instead of answering the MAIL command of transaction {@code number}. */
    public ScriptedSmtpServer dropAtMail(int number) {
        mailDrops.add(number);
        return this;
    }

    /** Answers the final "." of transaction {@code number} with {@code reply}, e.g. "554 5.7.1 rejected". */
    public ScriptedSmtpServer replyAfterData(int number, String reply) {
        dataFaults.put(number, new Fault(Kind.REPLY, reply));
        return this;
    }

    /** Closes the connection instead of answering the final "." of transaction {@code number}. */
    public ScriptedSmtpServer dropAfterData(int number) {
        dataFaults.put(number, new Fault(Kind.DROP, null));
        return this;
    }

    /** Never answers the final "." of transaction {@code number}; waits until the client gives up. */
    public ScriptedSmtpServer hangAfterData(int number) {
        dataFaults.put(number, new Fault(Kind.HANG, null));
        return this;
    }

    /** While on, every new connection is closed at once, before the greeting. */
    public ScriptedSmtpServer refuseConnections(boolean refuse) {
        refusing.set(refuse);
        return this;
    }

    @Override
    public void close() throws IOException {
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
        try (client; InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = client.getOutputStream()) {
            new ScriptedSmtpConversation(this, in, out).run();
        } catch (IOException ignored) {
            // the client went away: the session simply ends
        }
    }

    void record(String command) {
        commands.add(command);
    }

    int nextTransaction() {
        return transactions.incrementAndGet();
    }

    String mailReply(int number) {
        return mailReplies.get(number);
    }

    boolean dropsAtMail(int number) {
        return mailDrops.contains(number);
    }

    String recipientReply(String address) {
        return recipientReplies.get(address.toLowerCase(Locale.ROOT));
    }

    /** @return the number of messages received so far, this one included */
    int recordMessage(byte[] message) {
        messages.add(message);
        return messages.size();
    }

    Fault dataFault(int number) {
        return dataFaults.get(number);
    }
}
