package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.contract.OpenApiDocuments;
import org.junit.jupiter.api.Test;

/** The judge of {@link SpecFuzzTest}: what it calls invalid, the document really refuses. */
class SchemaCheckTest {

    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    private final JsonNode document = OpenApiDocuments.coffer();
    private final SchemaCheck check = new SchemaCheck(document);

    private JsonNode schema(String name) {
        return document.path("components").path("schemas").path(name);
    }

    private static JsonNode json(String text) throws Exception {
        return EXACT.readTree(text);
    }

    @Test
    void typesFollowJsonSchemaDraft4() throws Exception {
        JsonNode tag = schema("CofferSandboxTag");
        assertThat(check.valid(tag, json("{\"label_id\": 1}"))).isTrue();
        assertThat(check.valid(tag, json("{\"label_id\": \"1\"}"))).isFalse();
        assertThat(check.valid(tag, json("{\"label_id\": 1e309}"))).as("an exponent is not an integer").isFalse();
        assertThat(check.valid(tag, json("{\"label_id\": 115792089237316195423570985008687907853269984665640564039457584007913129639936}")))
                .as("no bound is declared").isTrue();
        assertThat(check.valid(tag, json("{}"))).isFalse();
        assertThat(check.valid(tag, json("{\"label_id\": 1, \"extra\": true}"))).as("additional properties allowed").isTrue();
    }

    @Test
    void nullableEnumsBoundsAndPatterns() throws Exception {
        JsonNode settings = schema("CofferNetworkSettings");
        assertThat(check.valid(settings, json("{\"failure_rate\": 0.5, \"block_interval_seconds\": null}"))).isTrue();
        assertThat(check.valid(settings, json("{\"failure_rate\": null}"))).isFalse();
        assertThat(check.valid(settings, json("{\"failure_rate\": 1e309}"))).isFalse();
        assertThat(check.valid(settings, json("{\"block_interval_seconds\": 0}"))).isFalse();
        JsonNode user = schema("CofferApiUserRequest");
        assertThat(check.valid(user, json("{\"username\": \"u\", \"role\": \"ADMIN\"}"))).isTrue();
        assertThat(check.valid(user, json("{\"username\": \"u\", \"role\": \"admin\"}"))).isFalse();
        JsonNode deposit = schema("CofferDepositRequest");
        assertThat(check.valid(deposit, json("{\"amount\": \"12\"}"))).isTrue();
        assertThat(check.valid(deposit, json("{\"amount\": \"-12\"}"))).isFalse();
    }

    @Test
    void oneOfPicksTheAlternativeThatMatchesAndNamesTheFieldThatDoesNot() throws Exception {
        JsonNode body = schema("TransactionCreationRequestDataV2");
        String send = "{\"type\": \"CREATE_TRANSACTION\", \"data\": {\"account_id\": 1, \"transaction_type\": "
                + "\"BITCOIN_LIKE_SEND\", \"fees_strategy\": {\"type\": \"SPEED\", \"data\": {\"speed\": \"FAST\"}}, "
                + "\"transaction_data\": {\"account_name\": \"a\", \"amount\": AMOUNT, \"currency\": \"bitcoin\", "
                + "\"max_fees\": \"1\", \"recipient\": \"r\"}}}";
        assertThat(check.violations(body, json(send.replace("AMOUNT", "\"5\"")))).isEmpty();
        assertThat(check.violations(body, json(send.replace("AMOUNT", "5"))))
                .containsExactly("/data/transaction_data/amount: 5 is not of type string");
    }

    @Test
    void dateTimesAreRfc3339WithFourDigitYears() {
        assertThat(SchemaCheck.isDateTime("2026-01-31T23:59:59Z")).isTrue();
        assertThat(SchemaCheck.isDateTime("2026-01-31T23:59:59.123+01:00")).isTrue();
        assertThat(SchemaCheck.isDateTime("0000-01-01T00:00:00Z")).as("RFC 3339 allows year 0000").isTrue();
        assertThat(SchemaCheck.isDateTime("10000-01-01T00:00:00Z")).isFalse();
        assertThat(SchemaCheck.isDateTime("-999999999-01-01T00:00:00Z")).isFalse();
        assertThat(SchemaCheck.isDateTime("+999999999-12-31T23:59:59Z")).isFalse();
        assertThat(SchemaCheck.isDateTime("2026-13-45T00:00:00Z")).isFalse();
        assertThat(SchemaCheck.isDateTime("2026-02-30T00:00:00Z")).isFalse();
        assertThat(SchemaCheck.isDateTime("1700000000")).isFalse();
    }
}
