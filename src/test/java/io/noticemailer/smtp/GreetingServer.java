package io.noticemailer.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Answers every connection with one fixed greeting line, then waits for the client to hang up. */
final class GreetingServer implements AutoCloseable {

    private final ServerSocket serverSocket;
    private final String greeting;

    private GreetingServer(ServerSocket serverSocket, String greeting) {
        this.serverSocket = serverSocket;
        this.greeting = greeting;
    }

    static GreetingServer start(String greeting) throws IOException {
        GreetingServer server = new GreetingServer(new ServerSocket(0, 5, InetAddress.getLoopbackAddress()), greeting);
        Thread acceptor = new Thread(server::serve, "greeting-server");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void serve() {
        while (!serverSocket.isClosed()) {
            try (Socket client = serverSocket.accept(); OutputStream out = client.getOutputStream()) {
                out.write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                client.getInputStream().transferTo(OutputStream.nullOutputStream());
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
    }
}
