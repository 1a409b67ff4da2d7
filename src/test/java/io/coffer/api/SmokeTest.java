package io.coffer.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SmokeTest {

    static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Engine.H2);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void depositThenConfirm() {
        Sandbox.Workspace ws = Sandbox.workspace(server);
        ApiClient c = ws.client();
        long btc = Sandbox.account(c, "bitcoin").path("id").asLong();
        Sandbox.deposit(c, btc, "100000");
        assertThat(c.get("/accounts/" + btc + "/balances").text("pending")).isEqualTo("100000");
        Sandbox.mine(c, "bitcoin", 6);
        assertThat(c.get("/accounts/" + btc + "/balances").text("available")).isEqualTo("100000");
        assertThat(c.get("/accounts?page_size=5").status()).isEqualTo(200);
        assertThat(c.get("/accounts/" + btc).status()).isEqualTo(200);
        assertThat(c.get("/transactions/1").status()).isEqualTo(200);
        assertThat(c.get("/accounts/" + btc + "/balances/history").status()).isEqualTo(200);
        assertThat(c.get("/accounts/" + btc + "/address").status()).isEqualTo(200);
        assertThat(c.get("/accounts/" + btc + "/addresses").status()).isEqualTo(200);
        assertThat(c.get("/currencies").status()).isEqualTo(200);
        assertThat(c.get("/currencies/tokens").status()).isEqualTo(200);
        assertThat(c.get("/certificates/chain").status()).isEqualTo(200);
    }
}
