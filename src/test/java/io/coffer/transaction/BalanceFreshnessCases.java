package io.coffer.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.Governed;
import io.coffer.testing.Parallel;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Balances read back right after every kind of change are the new ones: on the embedded database
 * they are served from memory ({@link BalanceCache}), which must forget an account whenever a
 * posting changes it, so each read here follows a read that filled the cache.
 */
abstract class BalanceFreshnessCases extends ServerCases {

    private static final String RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String MAX_FEE = BigInteger.valueOf(21_000).multiply(BigInteger.valueOf(41_500_000_000L)).toString();

    @Test
    void everyChangeIsSeenByTheNextRead() {
        String[] workspace = new String[1];
        Governed.Approver admin = Governed.admin(server, workspace);
        ApiClient client = admin.client();
        JsonNode account = Governed.account(client, "ethereum", List.of(Governed.step(1, admin)));
        long id = account.path("id").asLong();
        String path = "/accounts/" + id + "/balances";

        assertBalances(client, path, "0", "0", "0");
        Sandbox.deposit(client, id, "1000000000000000000000");
        assertBalances(client, path, "0", "1000000000000000000000", "1000000000000000000000");
        Sandbox.mine(client, "ethereum", 12);
        assertBalances(client, path, "1000000000000000000000", "0", "1000000000000000000000");

        ApiResponse created = client.post("/requests", Governed.send(account, "ETHEREUM_LIKE_SEND", "5", RECIPIENT, MAX_FEE,
                Governed.speed("NORMAL")));
        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        JsonNode reserved = client.get(path).json();
        assertThat(new BigInteger(reserved.path("available").asText()))
                .as("funds reserved by the send are not available").isLessThan(new BigInteger("1000000000000000000000"));
        client.get(path);
        Governed.reject(admin, created.id());
        assertBalances(client, path, "1000000000000000000000", "0", "1000000000000000000000");
    }

    @Test
    void concurrentDepositsAndReadsEndOnTheSum() throws Exception {
        Sandbox.Workspace workspace = Sandbox.workspace(server);
        ApiClient client = workspace.client();
        long id = Sandbox.account(client, "ethereum").path("id").asLong();
        String path = "/accounts/" + id + "/balances";
        int writers = 4;
        int each = 25;
        List<ApiResponse> last = Parallel.calls(writers * 2, worker -> {
            ApiResponse answer = null;
            for (int i = 0; i < each; i++) {
                answer = worker < writers ? client.post("/sandbox/accounts/" + id + "/deposits", Map.of("amount", "3"))
                        : client.get(path);
                assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
            }
            return answer;
        });
        assertThat(last).hasSize(writers * 2);
        assertBalances(client, path, "0", Integer.toString(3 * writers * each), Integer.toString(3 * writers * each));
    }

    private static void assertBalances(ApiClient client, String path, String available, String pending, String total) {
        client.get(path);
        JsonNode balances = client.get(path).json();
        assertThat(Map.of("available", balances.path("available").asText(), "pending", balances.path("pending").asText(),
                "total", balances.path("total").asText()))
                .isEqualTo(Map.of("available", available, "pending", pending, "total", total));
    }
}
