package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input of every kind gets a 4xx in the error shape, never a 5xx, and writes nothing. */
class BadInputApiTest extends ServerCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void unknownRoutesAre404AndWrongMethods405() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.get("/no/such/route").status()).isEqualTo(404);
        assertThat(server.anonymous().get("/no/such/route").status()).isEqualTo(404);
        ApiResponse wrongMethod = c.send("DELETE", "/accounts", null);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow.split(", ")).contains("GET", "HEAD"));
        assertThat(c.send("PUT", "/accounts/1", "{}").status()).isEqualTo(405);
        assertThat(c.post("/accounts/1/balances", Map.of()).status()).isEqualTo(405);
        assertThat(c.get("/sandbox/api-users").status()).isEqualTo(405);
    }

    @Test
    void nonNumericAndHugeIdsAreRefused() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.get("/accounts/abc").status()).isEqualTo(400);
        assertThat(c.get("/accounts/-1").status()).isEqualTo(400);
        assertThat(c.get("/accounts/1.5/balances").status()).isEqualTo(400);
        assertThat(c.get("/accounts/99999999999999999999999").status()).isEqualTo(404);
        assertThat(c.get("/transactions/0x12").status()).isEqualTo(400);
        assertThat(c.get("/accounts/1/address/abc?type=receive").status()).isEqualTo(400);
        assertThat(c.get("/accounts/1/address/99999999999?type=receive").status()).isEqualTo(400);
    }

    @Test
    void malformedBodiesAre400() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.postRaw("/sandbox/accounts", "{not json").status()).isEqualTo(400);
        assertThat(c.postRaw("/sandbox/accounts", "[1,2]").status()).isEqualTo(400);
        assertThat(c.postRaw("/sandbox/accounts", "\"text\"").status()).isEqualTo(400);
        assertThat(c.postRaw("/sandbox/accounts", "{\"name\":\"a\",\"name\":\"b\",\"currency\":\"bitcoin\"}").status())
                .as("duplicate keys").isEqualTo(400);
        assertThat(c.send("POST", "/sandbox/accounts", null).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("name", 5, "currency", "bitcoin")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/accounts", Map.of("currency", "bitcoin")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/clock", Map.of("advance_seconds", "soon")).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/clock", Map.of("advance_seconds", -5)).status()).isEqualTo(400);
        assertThat(c.post("/sandbox/clock", Map.of("advance_seconds", 1.5)).status()).isEqualTo(400);
        assertThat(server.anonymous().postRaw("/auth/token", "nonsense").status()).isEqualTo(400);
        assertThat(server.anonymous().post("/sandbox/workspaces", Map.of("name", "bad name!")).status()).isEqualTo(400);
        assertThat(c.get("/accounts").get("page_info").path("count").asInt()).as("nothing was written").isZero();
    }

    @Test
    void anUnknownRequestTypeNamesEveryTypeTheServerTakes() {
        ApiClient c = Sandbox.workspace(server).client();
        var refused = c.post("/requests", java.util.Map.of("type", "CREATE_NOTHING", "data", java.util.Map.of()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("message")).contains("CREATE_NOTHING", "CREATE_TRANSACTION", "CREATE_GROUP",
                "CREATE_MESSAGE_SIGNING", "SIGN_DIGESTS", "CREATE_PLEDGE_INCREMENT", "CREATE_FORCED_UNPLEDGE");
    }

    @Test
    void oversizedBodiesAre413() {
        ApiClient c = Sandbox.workspace(server).client();
        String huge = "{\"name\":\"" + "x".repeat(2 << 20) + "\",\"currency\":\"bitcoin\"}";
        ApiResponse response = c.postRaw("/sandbox/accounts", huge);
        assertThat(response.status()).isEqualTo(413);
    }

    @Test
    void chunkedOversizedBodiesAre413Too() throws Exception {
        int port = Integer.parseInt(server.baseUrl().substring(server.baseUrl().lastIndexOf(':') + 1));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /sandbox/workspaces HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            try {
                for (int i = 0; i < 40; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (java.io.IOException closedEarly) {
                // The server may answer and close before the whole body is sent.
            }
            InputStream in = socket.getInputStream();
            String answer = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 413");
        }
    }

    @Test
    void malformedDatesAndEnumsInQueriesAre400() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.get("/accounts?created_after=2026-13-45T00:00:00Z").status()).isEqualTo(400);
        assertThat(c.get("/accounts?created_before=1700000000").status()).isEqualTo(400);
        assertThat(c.get("/accounts/1/address/0?type=sideways").status()).isIn(400, 404);
    }
}
