package io.coffer.nft;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.LiveWorkspace;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A live workspace (made by the command line) refuses the sandbox's NFT and light token calls with 403. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NftLiveWorkspaceTest {

    private TestServer server;
    private ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        LiveWorkspace live = LiveWorkspace.create(Engine.H2, "gallery", List.of("--username", "curator"));
        server = live.start(Engine.H2);
        admin = Sandbox.legacyClient(server, live.name(), live.admin());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void sandboxCreditsAreRefusedAndNothingIsCreated() {
        ApiResponse mint = admin.post("/sandbox/accounts/1/nfts", NftApiCases.erc721(NftApiCases.APES, "1"));
        assertThat(mint.status()).as(mint.raw()).isEqualTo(403);
        assertThat(mint.text("message")).contains("live workspace");
        ApiResponse floor = admin.post("/sandbox/nft-collections/" + NftApiCases.APES + "/floor-price",
                Map.of("currency", "ethereum", "floor_price", "1"));
        assertThat(floor.status()).as(floor.raw()).isEqualTo(403);
        ApiResponse credit = admin.post("/sandbox/accounts/1/light-tokens",
                Map.of("mint", NftApiCases.USDC_MINT, "amount", "1", "ticker", "USDC"));
        assertThat(credit.status()).as(credit.raw()).isEqualTo(403);
        // The reads work in live workspaces: here there is no account to read.
        assertThat(admin.get("/accounts/1/nfts").status()).isEqualTo(404);
        assertThat(admin.get("/accounts/1/tokens").status()).isEqualTo(404);
    }
}
