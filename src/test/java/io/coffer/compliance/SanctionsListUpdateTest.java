package io.coffer.compliance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.TestServer;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A restart with a newer list that names addresses already in use: a send asked before cannot be
 * approved, an address whitelisted before stays listed but cannot be sent to, and a pending whitelist
 * edit that adds a newly listed address cannot be approved.
 */
class SanctionsListUpdateTest {

    private static final String NEWLY_LISTED = "0x52908400098527886E0F7030069857D2E4169EE7";
    private static final String ALSO_LISTED = "0xde709f2102306220921060314715629080e2fb77";

    @Test
    void whatWasAskedBeforeAListUpdateIsCheckedAgainstTheNewListAtApproval() {
        String[] ws = new String[1];
        Map<String, String> env;
        Approver before;
        JsonNode account;
        long send;
        long edit;
        long whitelist;
        try (TestServer first = TestServer.start(Engine.H2)) {
            env = new HashMap<>(first.env());
            before = Governed.admin(first, ws);
            ApiClient client = before.client();
            account = Governed.account(client, "ethereum", List.of(Governed.step(1, before)));
            Sandbox.deposit(client, account.path("id").asLong(), BigInteger.TEN.pow(18).toString());
            Sandbox.mine(client, "ethereum", 12);
            whitelist = client.post("/sandbox/whitelists", Map.of("name", Sandbox.uniqueName("w"), "addresses",
                    List.of(Map.of("name", "partner", "currency", "ethereum", "address", NEWLY_LISTED)))).id();
            ApiResponse asked = client.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                    NEWLY_LISTED, "10000000000000000", Governed.speed("NORMAL")));
            assertThat(asked.status()).as(asked.raw()).isEqualTo(200);
            send = asked.id();
            ApiResponse editing = client.post("/requests", Map.of("type", "EDIT_WHITELIST", "data", Map.of(
                    "whitelist_id", whitelist, "addresses", List.of(
                            Map.of("name", "partner", "currency", "ethereum", "address", NEWLY_LISTED),
                            Map.of("name", "other", "currency", "ethereum", "address", ALSO_LISTED)))));
            assertThat(editing.status()).as(editing.raw()).isEqualTo(200);
            edit = editing.id();
        }
        env.put("COFFER_SANCTIONS_FILE", ComplianceCases.write("update.txt", "# newer list\nETH " + NEWLY_LISTED
                + "\nETH " + ALSO_LISTED + "\n").toString());
        try (TestServer second = TestServer.start(Engine.H2, env)) {
            Approver admin = new Approver(before.user(), before.key(), Sandbox.bearerClient(second, ws[0], before.user()));
            ApiClient client = admin.client();

            ApiResponse approval = Governed.approve(admin, send);
            assertThat(approval.status()).as(approval.raw()).isEqualTo(400);
            assertThat(approval.text("name")).isEqualTo("CofferSanctionedAddress");
            assertThat(client.get("/requests/" + send).text("status")).startsWith("PENDING");
            long transaction = client.get("/requests/" + send).get("target_id").asLong();
            assertThat(client.get("/transactions/" + transaction).text("status")).isEqualTo("PENDING_APPROVAL");

            // The old whitelist keeps the address, but nothing can be sent to it.
            assertThat(client.get("/whitelists/" + whitelist).get("addresses").get(0).path("address").asText())
                    .isEqualTo(NEWLY_LISTED);
            ApiResponse again = client.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "1000",
                    NEWLY_LISTED.toLowerCase(java.util.Locale.ROOT), "10000000000000000", Governed.speed("NORMAL")));
            assertThat(again.status()).as(again.raw()).isEqualTo(400);
            assertThat(again.text("name")).isEqualTo("CofferSanctionedAddress");

            ApiResponse edited = Governed.approve(admin, edit);
            assertThat(edited.status()).as(edited.raw()).isEqualTo(400);
            assertThat(edited.text("name")).isEqualTo("CofferSanctionedAddress");
            assertThat(client.get("/whitelists/" + whitelist).get("addresses").size()).isEqualTo(1);

            // A rejection still gives the reservation back.
            assertThat(Governed.reject(admin, send).status()).isEqualTo(200);
            assertThat(client.get("/transactions/" + transaction).text("status")).isEqualTo("REJECTED");
        }
    }
}
