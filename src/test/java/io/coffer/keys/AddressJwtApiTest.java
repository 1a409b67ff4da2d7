package io.coffer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import io.coffer.testing.ApiClient;
import io.coffer.testing.Engine;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.io.ByteArrayInputStream;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Address JWTs verify with standard tools: the chain from /certificates/chain validates (PKIX) to
 * its root, and the JWT's ES256 signature verifies with the leaf key.
 */
class AddressJwtApiTest extends ServerCases {

    /** The spec's pattern for the address JWT string. */
    static final Pattern SPEC_PATTERN = Pattern.compile("^([a-zA-Z0-9_=]+)\\.([a-zA-Z0-9_=]+)\\.([a-zA-Z0-9_\\-\\+\\/=]+)$");

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    @Test
    void addressJwtsVerifyAgainstTheWorkspaceCertificateChain() throws Exception {
        ApiClient c = Sandbox.workspace(server).client();
        X509Certificate leaf = validatedLeaf(c);
        ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) leaf.getPublicKey());
        for (String currency : List.of("bitcoin", "ethereum", "litecoin", "tron", "stellar", "solana", "polkadot",
                "cardano", "tezos", "ripple", "cosmos", "near", "bitcoin_cash", "dogecoin")) {
            JsonNode account = Sandbox.account(c, currency);
            String jwt = c.get("/accounts/" + account.path("id").asLong() + "/address").json().asText();
            assertThat(SPEC_PATTERN.matcher(jwt).matches()).as(jwt).isTrue();
            JWSObject parsed = JWSObject.parse(jwt);
            assertThat(parsed.getHeader().getAlgorithm().getName()).isEqualTo("ES256");
            assertThat(parsed.verify(verifier)).as(currency).isTrue();
            var payload = parsed.getPayload().toJSONObject();
            assertThat(payload.get("address")).isEqualTo(account.path("address").asText());
            assertThat(payload.get("blockchain_name")).isEqualTo(currency);
            assertThat((String) payload.get("derivation_path")).startsWith(account.path("derivation_path").asText());
            assertThat(c.get("/currencies/" + currency + "/" + payload.get("address")).get("is_valid").asBoolean()).isTrue();
        }
    }

    @Test
    void utxoAccountsSignReceiveAndChangeAddressesByIndex() throws Exception {
        ApiClient c = Sandbox.workspace(server).client();
        ECDSAVerifier verifier = new ECDSAVerifier((ECPublicKey) validatedLeaf(c).getPublicKey());
        long id = Sandbox.account(c, "bitcoin").path("id").asLong();
        JWSObject receive = JWSObject.parse(c.get("/accounts/" + id + "/address/7?type=receive").json().asText());
        JWSObject change = JWSObject.parse(c.get("/accounts/" + id + "/address/7?type=change").json().asText());
        assertThat(receive.verify(verifier)).isTrue();
        assertThat(change.verify(verifier)).isTrue();
        assertThat(receive.getPayload().toJSONObject().get("derivation_path")).isEqualTo("84'/0'/0'/0/7");
        assertThat(change.getPayload().toJSONObject().get("derivation_path")).isEqualTo("84'/0'/0'/1/7");
        assertThat(receive.getPayload().toJSONObject().get("address"))
                .isNotEqualTo(change.getPayload().toJSONObject().get("address"));
        assertThat(c.get("/accounts/" + id + "/addresses/7").text("address"))
                .isEqualTo(receive.getPayload().toJSONObject().get("address"));
        assertThat(c.get("/accounts/" + id + "/address/7").status()).as("type is required").isEqualTo(400);
        long eth = Sandbox.account(c, "ethereum").path("id").asLong();
        assertThat(c.get("/accounts/" + eth + "/address/1?type=receive").status()).as("not a UTXO account").isEqualTo(400);
    }

    @Test
    void theChainIsTheWorkspacesOwn() throws Exception {
        ApiClient a = Sandbox.workspace(server).client();
        ApiClient b = Sandbox.workspace(server).client();
        X509Certificate leafA = validatedLeaf(a);
        long account = Sandbox.account(b, "ethereum").path("id").asLong();
        JWSObject fromB = JWSObject.parse(b.get("/accounts/" + account + "/address").json().asText());
        assertThat(fromB.verify(new ECDSAVerifier((ECPublicKey) leafA.getPublicKey()))).isFalse();
    }

    @Test
    void payloadSpellingAvoidsDashesWithoutChangingTheJson() throws Exception {
        for (int i = 0; i < 200; i++) {
            String address = "addr-" + i + "-~~>>??";
            byte[] bytes = AddressJwt.payloadBytes(List.of(new String[] {"address", address},
                    new String[] {"derivation_path", "44'/0'/" + i + "'"}, new String[] {"blockchain_name", "bitcoin"}));
            String encoded = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(encoded).doesNotContain("-");
            JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
            assertThat(json.path("address").asText()).isEqualTo(address);
            assertThat(json.path("derivation_path").asText()).isEqualTo("44'/0'/" + i + "'");
        }
    }

    private static X509Certificate validatedLeaf(ApiClient c) throws Exception {
        JsonNode chain = c.get("/certificates/chain").json();
        assertThat(chain).hasSize(2);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        X509Certificate leaf = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(HexFormat.of().parseHex(chain.get(0).asText())));
        X509Certificate root = (X509Certificate) factory.generateCertificate(
                new ByteArrayInputStream(HexFormat.of().parseHex(chain.get(1).asText())));
        CertPath path = factory.generateCertPath(List.of(leaf));
        PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
        parameters.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(path, parameters);
        return leaf;
    }
}
