package io.coffer.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named steps for governance stories: users with approval keys, send requests, signed votes. */
public final class Governed {

    /** An API user with its approval key and a bearer client. */
    public record Approver(JsonNode user, ApproverKey key, ApiClient client) {
        public long id() {
            return user.path("id").asLong();
        }
    }

    private Governed() {
    }

    /** A workspace whose admin has an approval key. */
    public static Approver admin(TestServer server, String[] workspaceOut) {
        ApproverKey key = ApproverKey.generate();
        String name = Sandbox.uniqueName("gov");
        ApiResponse created = server.anonymous().post("/sandbox/workspaces", Map.of("name", name, "public_key", key.publicHex()));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        workspaceOut[0] = name;
        JsonNode user = created.get("api_user");
        return new Approver(user, key, Sandbox.bearerClient(server, name, user));
    }

    public static Approver operator(TestServer server, String workspace, ApiClient admin) {
        ApproverKey key = ApproverKey.generate();
        ApiResponse created = admin.post("/sandbox/api-users", Map.of("username", Sandbox.uniqueName("op"), "role",
                "OPERATOR", "public_key", key.publicHex()));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode user = created.get("api_user");
        return new Approver(user, key, Sandbox.bearerClient(server, workspace, user));
    }

    /** An account whose single rule set has the given steps, each {users, quorum}. */
    public static JsonNode account(ApiClient admin, String currency, List<Map<String, Object>> steps) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", Sandbox.uniqueName(currency));
        body.put("currency", currency);
        body.put("governance_rules", List.of(Map.of("name", "main", "rules",
                List.of(Map.of("type", "MULTI_AUTHORIZATIONS", "data", steps)))));
        return Sandbox.account(admin, body);
    }

    public static Map<String, Object> step(int quorum, Approver... users) {
        return Map.of("users", java.util.Arrays.stream(users).map(Approver::id).toList(), "quorum", quorum);
    }

    /** A CREATE_TRANSACTION body for a send from an account. */
    public static Map<String, Object> send(JsonNode account, String type, String amount, String recipient, String maxFees,
                                           Map<String, Object> feesStrategy) {
        Map<String, Object> transactionData = new LinkedHashMap<>();
        transactionData.put("account_name", account.path("name").asText());
        transactionData.put("amount", amount);
        transactionData.put("currency", account.path("currency").asText());
        transactionData.put("max_fees", maxFees);
        transactionData.put("recipient", recipient);
        if (account.has("contract_address")) {
            transactionData.put("contract_address", account.path("contract_address").asText());
        }
        return Map.of("type", "CREATE_TRANSACTION", "data", Map.of(
                "account_id", account.path("id").asLong(),
                "transaction_type", type,
                "fees_strategy", feesStrategy,
                "transaction_data", transactionData));
    }

    public static Map<String, Object> speed(String speed) {
        return Map.of("type", "SPEED", "data", Map.of("speed", speed));
    }

    /** Fetches a challenge, signs it with the approver's key and approves. */
    public static ApiResponse approve(Approver approver, long requestId) {
        ApiResponse challenge = approver.client().get("/requests/" + requestId + "/challenge");
        if (challenge.status() != 200) {
            return challenge;
        }
        return approver.client().post("/requests/" + requestId + "/approve",
                Map.of("jws", approver.key().sign(challenge.text("challenge"))));
    }

    public static ApiResponse reject(Approver approver, long requestId) {
        ApiResponse challenge = approver.client().get("/requests/" + requestId + "/challenge/reject");
        if (challenge.status() != 200) {
            return challenge;
        }
        return approver.client().post("/requests/" + requestId + "/reject",
                Map.of("jws", approver.key().sign(challenge.text("challenge"))));
    }
}
