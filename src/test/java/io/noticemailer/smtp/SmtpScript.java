package io.noticemailer.smtp;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntConsumer;

/**
 * What {@link ScriptedSmtpServer} plays instead of a normal answer: faults keyed by transaction number (the
 * n-th MAIL command over all connections, from 1) or by recipient, always or only the first time, plus
 * session limits and a pause. Thread-safe: every connection reads it.
 */
final class SmtpScript {

    enum Stage { MAIL, RCPT, DATA, BODY, END_OF_DATA }

    enum Kind { REPLY, DROP, HANG }

    record Fault(Kind kind, String reply) {
    }

    private final Map<Stage, Map<Integer, Fault>> byTransaction = new ConcurrentHashMap<>();
    private final Map<Stage, Map<String, Fault>> byRecipient = new ConcurrentHashMap<>();
    private final Map<Stage, Set<String>> onceOnly = new ConcurrentHashMap<>();
    private final Set<String> fired = ConcurrentHashMap.newKeySet();
    private final Object pause = new Object();
    private volatile boolean paused;
    private volatile int maxConnections = Integer.MAX_VALUE;
    private volatile int maxMessagesPerConnection = Integer.MAX_VALUE;
    private volatile boolean silent;
    private volatile Duration endOfDataDelay = Duration.ZERO;
    private volatile String everyRecipientReply;
    private volatile String authenticationReply;
    private volatile IntConsumer messageHook = count -> { };

    void at(Stage stage, int transaction, Fault fault) {
        byTransaction.computeIfAbsent(stage, s -> new ConcurrentHashMap<>()).put(transaction, fault);
    }

    void at(Stage stage, String recipient, Fault fault, boolean once) {
        String key = recipient.toLowerCase(Locale.ROOT);
        byRecipient.computeIfAbsent(stage, s -> new ConcurrentHashMap<>()).put(key, fault);
        if (once) {
            onceOnly.computeIfAbsent(stage, s -> ConcurrentHashMap.newKeySet()).add(key);
        }
    }

    /** The fault to play at {@code stage} of this transaction, or null for the normal answer. */
    Fault fault(Stage stage, int transaction, String recipient) {
        Fault numbered = byTransaction.getOrDefault(stage, Map.of()).get(transaction);
        if (numbered != null || recipient == null) {
            return numbered;
        }
        String key = recipient.toLowerCase(Locale.ROOT);
        Fault fault = byRecipient.getOrDefault(stage, Map.of()).get(key);
        if (fault != null && onceOnly.getOrDefault(stage, Set.of()).contains(key) && !fired.add(stage + " " + key)) {
            return null;
        }
        return fault;
    }

    void pause(boolean on) {
        synchronized (pause) {
            paused = on;
            pause.notifyAll();
        }
    }

    /** Blocks while paused. */
    void awaitUnpaused() throws InterruptedException {
        synchronized (pause) {
            while (paused) {
                pause.wait();
            }
        }
    }

    void maxConnections(int max) {
        maxConnections = max;
    }

    int maxConnections() {
        return maxConnections;
    }

    void maxMessagesPerConnection(int max) {
        maxMessagesPerConnection = max;
    }

    int maxMessagesPerConnection() {
        return maxMessagesPerConnection;
    }

    void silent(boolean on) {
        silent = on;
    }

    boolean silent() {
        return silent;
    }

    void endOfDataDelay(Duration delay) {
        endOfDataDelay = delay;
    }

    Duration endOfDataDelay() {
        return endOfDataDelay;
    }

    void everyRecipient(String reply) {
        everyRecipientReply = reply;
    }

    String everyRecipient() {
        return everyRecipientReply;
    }

    void authentication(String reply) {
        authenticationReply = reply;
    }

    String authentication() {
        return authenticationReply;
    }

    void onMessage(IntConsumer hook) {
        messageHook = hook;
    }

    void messageReceived(int count) {
        messageHook.accept(count);
    }
}
