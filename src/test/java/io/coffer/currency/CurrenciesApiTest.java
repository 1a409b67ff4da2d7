package io.coffer.currency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import org.junit.jupiter.api.Test;

/** The currencies API over HTTP. */
class CurrenciesApiTest extends ServerCases {

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void listsAllSeventyNineCurrenciesAndTheKnownTokens() {
        ApiClient c = Sandbox.workspace(server).client();
        JsonNode currencies = c.get("/currencies").get("currencies");
        assertThat(currencies).hasSize(79);
        JsonNode tokens = c.get("/currencies/tokens").get("tokens");
        assertThat(tokens.size()).isGreaterThanOrEqualTo(25);
        JsonNode usdt = c.get("/currencies/ethereum/tokens/0xdac17f958d2ee523a2206206994597c13d831ec7").json();
        assertThat(usdt.path("name").asText()).isEqualTo("USD Tether (erc20)");
        assertThat(usdt.path("units").get(0).path("magnitude").asInt()).isEqualTo(6);
        assertThat(usdt.path("parent_currency").asText()).isEqualTo("ethereum");
        JsonNode dollar = c.get("/currencies/Dollar").json();
        assertThat(dollar.path("type").asText()).isEqualTo("FIAT");
        assertThat(dollar.path("family").asText()).isEqualTo("fiat");
    }

    @Test
    void unknownCurrenciesAndTokensAre404() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(c.get("/currencies/bitcorn").status()).isEqualTo(404);
        assertThat(c.get("/currencies/bitcorn/1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa").status()).isEqualTo(404);
        assertThat(c.get("/currencies/ethereum/tokens/0x0000000000000000000000000000000000000001").status()).isEqualTo(404);
        assertThat(c.get("/currencies/bitcoin/tokens/0xdac17f958d2ee523a2206206994597c13d831ec7").status()).isEqualTo(404);
    }

    @Test
    void addressValidationCatchesOneMistypedCharacter() {
        ApiClient c = Sandbox.workspace(server).client();
        assertThat(valid(c, "bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")).isTrue();
        assertThat(valid(c, "bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")).isFalse();
        assertThat(valid(c, "bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isTrue();
        assertThat(valid(c, "bitcoin", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")).isFalse();
        assertThat(valid(c, "ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isTrue();
        assertThat(valid(c, "ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD")).isFalse();
        assertThat(valid(c, "ethereum", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe")).isFalse();
        assertThat(valid(c, "ripple", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh")).isTrue();
        assertThat(valid(c, "ripple", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTj")).isFalse();
        assertThat(valid(c, "Dollar", "anything")).isFalse();
    }

    private static boolean valid(ApiClient c, String currency, String address) {
        return c.get("/currencies/" + currency + "/" + address).get("is_valid").asBoolean();
    }
}
