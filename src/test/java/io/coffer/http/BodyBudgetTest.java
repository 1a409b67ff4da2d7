package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.TestServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body budget follows the bytes that arrived: connections that announce large bodies and send
 * nothing do not lock everyone else out, and a body's share is given back once it is answered.
 */
class BodyBudgetTest {

    /** Room for two bodies of 1 MiB being read at once. */
    private static final long BUDGET = 32L << 20;
    private static final int IDLE = 40;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.H2, Map.of("COFFER_BODY_BUDGET_BYTES", Long.toString(BUDGET)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void idleConnectionsAnnouncingLargeBodiesDoNotHoldTheBudget() throws Exception {
        URI base = URI.create(server.baseUrl());
        List<Socket> idle = new ArrayList<>();
        try {
            // Forty announce bodies whose shares, reserved up front, would have taken the whole
            // budget but for a few KiB, and send one byte of them: everyone else got 503s.
            long share = BUDGET / 1024 / IDLE - 1;
            long announced = (share * 1024 - BodyBudget.OVERHEAD_BYTES) / BodyBudget.COST_PER_BYTE;
            for (int i = 0; i < IDLE; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /auth/token HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + announced + "\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                idle.add(socket);
            }
            for (int i = 0; i < 5; i++) {
                ApiResponse token = server.anonymous().post("/auth/token",
                        Map.of("api_key_id", "nobody", "api_key_secret", "wrong"));
                assertThat(token.status()).as(token.raw()).isEqualTo(401);
            }
        } finally {
            for (Socket socket : idle) {
                close(socket);
            }
        }
    }

    /** Four bodies sent all but their last byte each held sixteen times their size, the whole budget. */
    @Test
    void bodiesThatStallBeforeTheirEndHoldOnlyWhatTheirBytesTake() throws Exception {
        URI base = URI.create(server.baseUrl());
        List<Socket> stalled = new ArrayList<>();
        int declared = 1 << 20;
        byte[] almost = new byte[declared - 1];
        java.util.Arrays.fill(almost, (byte) ' ');
        almost[0] = '{';
        try {
            for (int i = 0; i < 6; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: " + declared + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(almost);
                out.flush();
                stalled.add(socket);
            }
            for (int i = 0; i < 5; i++) {
                ApiResponse token = server.anonymous().post("/auth/token",
                        Map.of("api_key_id", "nobody", "api_key_secret", "wrong"));
                assertThat(token.status()).as(token.raw()).isEqualTo(401);
            }
        } finally {
            for (Socket socket : stalled) {
                close(socket);
            }
        }
    }

    @Test
    void bodiesLargerThanTheBudgetAllowsAtOnceStillPassOneAfterAnother() {
        // Each 900 kB body costs about 14 MiB of the 32 MiB budget while it is read; twenty in a row
        // pass only if every answer gives its share back.
        String key = "k".repeat(900_000);
        for (int i = 0; i < 20; i++) {
            ApiResponse answer = server.anonymous().post("/auth/token", Map.of("api_key_id", key, "api_key_secret", "x"));
            assertThat(answer.status()).as(answer.raw()).isIn(400, 401);
        }
    }

    /** A client that sent one byte of its body and then nothing held its thread and share forever. */
    @Test
    void aBodyThatStopsArrivingHasItsConnectionClosed() throws Exception {
        java.util.logging.Logger helidon = java.util.logging.Logger.getLogger("io.helidon");
        List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.logging.Handler catcher = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord logged) {
                if (logged.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(logged.getLoggerName() + ": " + logged.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        helidon.addHandler(catcher);
        try (TestServer quick = TestServer.start(Engine.H2, Map.of("COFFER_BODY_TIMEOUT_SECONDS", "1"))) {
            URI base = URI.create(quick.baseUrl());
            try (Socket socket = new Socket(base.getHost(), base.getPort())) {
                socket.getOutputStream().write(("POST /auth/token HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
                // Far longer than the one-second deadline: the read ends with the connection, not this.
                socket.setSoTimeout(60_000);
                byte[] answer = socket.getInputStream().readAllBytes();
                assertThat(new String(answer, StandardCharsets.US_ASCII)).doesNotContain("HTTP/1.1 2", "HTTP/1.1 5");
            }
            ApiResponse after = quick.anonymous().post("/auth/token", Map.of("api_key_id", "nobody", "api_key_secret", "x"));
            assertThat(after.status()).as(after.raw()).isEqualTo(401);
        } finally {
            helidon.removeHandler(catcher);
        }
        assertThat(warnings).as("a client that vanished is not worth a stack trace in the log").isEmpty();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed by the server.
        }
    }
}
