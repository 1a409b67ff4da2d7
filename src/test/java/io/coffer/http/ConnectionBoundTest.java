package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.testing.Engine;
import io.coffer.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Open connections are bounded ({@code COFFER_MAX_CONNECTIONS}): with the bound's connections held
 * open, another one is not served (it waits in the kernel's backlog) until one of them closes, and
 * is then answered.
 */
class ConnectionBoundTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.H2, Map.of("COFFER_MAX_CONNECTIONS", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aConnectionBeyondTheBoundIsServedOnlyOnceAnotherCloses() throws Exception {
        URI base = URI.create(server.baseUrl());
        try (Socket first = new Socket(base.getHost(), base.getPort());
             Socket second = new Socket(base.getHost(), base.getPort());
             Socket third = new Socket(base.getHost(), base.getPort())) {
            assertThat(health(first)).startsWith("HTTP/1.1 200");
            assertThat(health(second)).startsWith("HTTP/1.1 200");

            send(third);
            // Not a timing claim about the server: a served request would be answered at once, so a
            // second of silence shows the third was not accepted (the bound did not let it in).
            third.setSoTimeout(1000);
            assertThatThrownBy(() -> third.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);

            first.close();
            third.setSoTimeout(60_000);
            assertThat(statusLine(third.getInputStream())).startsWith("HTTP/1.1 200");
            assertThat(health(second)).as("the held connection still works").startsWith("HTTP/1.1 200");
        }
    }

    private static String health(Socket socket) throws IOException {
        send(socket);
        socket.setSoTimeout(60_000);
        return statusLine(socket.getInputStream());
    }

    private static void send(Socket socket) throws IOException {
        socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
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
