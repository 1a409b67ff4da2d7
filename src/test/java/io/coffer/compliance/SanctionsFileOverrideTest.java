package io.coffer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code COFFER_SANCTIONS_FILE} replaces the shipped list, and a malformed list stops the start with one sentence. */
class SanctionsFileOverrideTest {

    @Test
    void aConfiguredListReplacesTheShippedSnapshot() {
        String newlyListed = "0x52908400098527886E0F7030069857D2E4169EE7";
        var file = ComplianceCases.write("newer.txt", "# OFAC update\nETH " + newlyListed + "\n");
        try (TestServer server = TestServer.start(Engine.H2, Map.of("COFFER_SANCTIONS_FILE", file.toString()))) {
            ApiClient client = Sandbox.workspace(server).client();
            ApiResponse listed = client.get("/compliance/sanctions/" + newlyListed.toLowerCase(java.util.Locale.ROOT));
            assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
            assertThat(listed.get("has_sanctions").asBoolean()).isTrue();
            assertThat(listed.get("provider_details").get(0).path("description").asText()).contains("newer.txt");
            assertThat(client.get("/compliance/address-risk/" + newlyListed).get("provider_details").path("risk").asText())
                    .isEqualTo("Severe");
            // The shipped snapshot is not consulted any more.
            assertThat(client.get("/compliance/sanctions/" + ComplianceCases.SANCTIONED_ETH).get("has_sanctions")
                    .asBoolean()).isFalse();
            ApiResponse whitelist = client.post("/sandbox/whitelists", Map.of("name", "w", "addresses", List.of(Map.of(
                    "name", "n", "currency", "ethereum", "address", newlyListed))));
            assertThat(whitelist.status()).as(whitelist.raw()).isEqualTo(400);
            assertThat(whitelist.text("name")).isEqualTo("CofferSanctionedAddress");
            assertThat(whitelist.text("message")).contains("newer.txt");
        }
    }

    @Test
    void aMalformedListRefusesToStartWithOneClearSentence() {
        var file = ComplianceCases.write("broken.txt", "ETH 0x52908400098527886E0F7030069857D2E4169EE7\nthis is not a line\n");
        assertThatThrownBy(() -> TestServer.start(Engine.H2, Map.of("COFFER_SANCTIONS_FILE", file.toString())).close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("COFFER_SANCTIONS_FILE: ")
                .hasMessageContaining("broken.txt line 2: expected \"<ASSET> <address>\"")
                .hasMessageNotContaining("\n");
        var risky = ComplianceCases.write("risky.txt", "0x52908400098527886E0F7030069857D2E4169EE7\n");
        assertThatThrownBy(() -> TestServer.start(Engine.H2, Map.of("COFFER_HIGH_RISK_ADDRESSES_FILE", risky.toString()))
                .close())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("COFFER_HIGH_RISK_ADDRESSES_FILE: ")
                .hasMessageContaining("line 1");
    }
}
