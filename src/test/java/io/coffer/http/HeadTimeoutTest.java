package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.Engine;
import io.coffer.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A client cannot hold the connection bound with connections that never finish a request head
 * (slowloris): a kept-alive connection that sends no next request, one that sent only a request
 * line, and one that stops mid-headers are closed by the server after
 * {@code COFFER_HEAD_TIMEOUT_SECONDS}, and the next client is served. (A connection that never sent
 * a byte is not covered: the web server reads its first bytes before any deadline can start;
 * docs/bounds.md.)
 */
class HeadTimeoutTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.H2, Map.of("COFFER_MAX_CONNECTIONS", "3", "COFFER_HEAD_TIMEOUT_SECONDS", "1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void connectionsThatNeverFinishARequestHeadAreClosedAndOthersAreServed() throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket keptAlive = new Socket(base.getHost(), base.getPort());
             Socket requestLineOnly = new Socket(base.getHost(), base.getPort());
             Socket halfHeaders = new Socket(base.getHost(), base.getPort());
             Socket next = new Socket(base.getHost(), base.getPort())) {
            write(keptAlive, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
            keptAlive.setSoTimeout(60_000);
            assertThat(statusLine(keptAlive.getInputStream())).startsWith("HTTP/1.1 200");
            write(requestLineOnly, "GET /health HTTP/1.1\r\n");
            write(halfHeaders, "GET /health HTTP/1.1\r\nHost: x\r\nX-Slow: ");
            write(next, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");

            // Generous: the server closes them after a second; a server without a head timeout never does.
            assertThat(closedByServer(keptAlive)).as("a kept-alive connection that sent no next request").isTrue();
            assertThat(closedByServer(requestLineOnly)).as("a connection that sent only its request line").isTrue();
            assertThat(closedByServer(halfHeaders)).as("a connection that stopped mid-headers").isTrue();
            next.setSoTimeout(60_000);
            assertThat(statusLine(next.getInputStream())).as("the client waiting beyond the bound").startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aKeptAliveConnectionServesRequestsSentWithinTheTimeout() throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            for (int i = 0; i < 3; i++) {
                write(socket, "GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
                assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 200");
            }
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
    }

    /** Whether the server ends the connection (end of stream or reset) within a minute, without answering a request. */
    private static boolean closedByServer(Socket socket) throws IOException {
        socket.setSoTimeout(60_000);
        try {
            int first = socket.getInputStream().read();
            if (first < 0) {
                return true;
            }
            // An answer (a 408 or 400) followed by the close is a close too.
            while (socket.getInputStream().read() >= 0) {
                // drain
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    /** Reads one whole answer (head and its Content-Length body) and returns its status line. */
    private static String statusLine(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after: " + head);
            }
            head.append((char) b);
        }
        String text = head.toString();
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readNBytes(length);
        return text.substring(0, text.indexOf("\r\n"));
    }
}
