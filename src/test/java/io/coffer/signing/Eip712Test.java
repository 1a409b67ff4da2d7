package io.coffer.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.coffer.common.Outcome;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.crypto.StructuredDataEncoder;
import org.web3j.utils.Numeric;

/** EIP-712 hashing against the EIP's own example and web3j's encoder, and the checks of malformed input. */
class Eip712Test {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS);

    /** The "Mail" example of EIP-712 (nested structs), with the values the EIP gives. */
    static final String MAIL = """
            {"types": {
               "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                                {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
               "Person": [{"name": "name", "type": "string"}, {"name": "wallet", "type": "address"}],
               "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person"},
                        {"name": "contents", "type": "string"}]},
             "primaryType": "Mail",
             "domain": {"name": "Ether Mail", "version": "1", "chainId": 1,
                        "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
             "message": {"from": {"name": "Cow", "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"},
                         "to": {"name": "Bob", "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"},
                         "contents": "Hello, Bob!"}}""";

    /** Arrays of addresses, arrays of structs, a fixed-size array, signed integers and bytes. */
    static final String GROUPS = """
            {"types": {
               "EIP712Domain": [{"name": "name", "type": "string"}, {"name": "version", "type": "string"},
                                {"name": "chainId", "type": "uint256"}, {"name": "verifyingContract", "type": "address"}],
               "Person": [{"name": "name", "type": "string"}, {"name": "wallets", "type": "address[]"}],
               "Mail": [{"name": "from", "type": "Person"}, {"name": "to", "type": "Person[]"},
                        {"name": "contents", "type": "string"}, {"name": "scores", "type": "int16[2]"},
                        {"name": "tag", "type": "bytes4"}, {"name": "blob", "type": "bytes"}, {"name": "ok", "type": "bool"}]},
             "primaryType": "Mail",
             "domain": {"name": "Ether Mail", "version": "1", "chainId": 1,
                        "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"},
             "message": {"from": {"name": "Cow", "wallets": ["0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826",
                                                             "0xDeaDbeefdEAdbeefdEadbEEFdeadbeEFdEaDbeeF"]},
                         "to": [{"name": "Bob", "wallets": ["0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB",
                                                            "0xB0BdaBea57B0BDABeA57b0bdABEA57b0BDabEa57",
                                                            "0xB0B0b0b0b0b0B000000000000000000000000000"]},
                                {"name": "Carol", "wallets": []}],
                         "contents": "Hello, Bob!", "scores": [-5, 300], "tag": "0xdeadbeef", "blob": "0x0102", "ok": true}}""";

    static Map<String, Object> tree(String json) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.readValue(json, Map.class);
        return map;
    }

    static byte[] hash(String json) throws Exception {
        return Eip712.hash(tree(json), "raw").orElseThrow().hash();
    }

    @Test
    void theMailExampleHashesAndSignsAsTheEipSays() throws Exception {
        byte[] hash = hash(MAIL);
        assertThat(Numeric.toHexString(hash)).isEqualTo("0xbe609aee343fb3c4b28e1df9e632fca64fcfaede20f02e86244efddf30957bd2");
        assertThat(Eip712.hash(tree(MAIL), "raw").orElseThrow().chainId()).contains(BigInteger.ONE);

        // The EIP signs it with keccak256("cow"): the same signature, recovering to the Cow's wallet.
        byte[] key = Hash.sha3("cow".getBytes(StandardCharsets.UTF_8));
        String signature = Signatures.ethereum(key, hash);
        assertThat(signature).isEqualTo("0x4355c47d63924e8a72e509b65029052eb6c299d53a04e167c5775fd466751c9d"
                + "07299936d304c153f6443dfa05f40ff007d72911b6f72307f996231605b91562" + "1c");
        byte[] raw = HexFormat.of().parseHex(signature.substring(2));
        Sign.SignatureData data = new Sign.SignatureData(raw[64], java.util.Arrays.copyOfRange(raw, 0, 32),
                java.util.Arrays.copyOfRange(raw, 32, 64));
        BigInteger recovered = Sign.signedMessageHashToKey(hash, data);
        assertThat("0x" + Keys.getAddress(recovered)).isEqualToIgnoringCase("0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826");
        assertThat(recovered).isEqualTo(ECKeyPair.create(key).getPublicKey());
    }

    @Test
    void arraysAndNestedStructsHashAsWeb3jsEncoderDoes() throws Exception {
        byte[] mine = hash(GROUPS);
        byte[] web3j = new StructuredDataEncoder(GROUPS).hashStructuredData();
        assertThat(Numeric.toHexString(mine)).isEqualTo(Numeric.toHexString(web3j));
        assertThat(Numeric.toHexString(hash(MAIL))).isEqualTo(Numeric.toHexString(
                new StructuredDataEncoder(MAIL).hashStructuredData()));
        // Any change of a nested array value changes the hash.
        assertThat(hash(GROUPS.replace("\"Carol\"", "\"Dave\""))).isNotEqualTo(mine);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "types missing|\"types\": {|\"typez\": {|raw.types",
            "primaryType not a type|\"primaryType\": \"Mail\"|\"primaryType\": \"Letter\"|raw.primaryType",
            "unknown field type|{\"name\": \"contents\", \"type\": \"string\"}|{\"name\": \"contents\", \"type\": \"strung\"}|raw.types.Mail[2].type",
            "address of the wrong shape|0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB|0xbBbB|raw.message.to.wallet",
            "string given a number|\"contents\": \"Hello, Bob!\"|\"contents\": 7|raw.message.contents",
            "missing field|\"Bob\", \"wallet\": \"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"|\"Bob\"|raw.message.to.wallet",
            "undeclared field|\"contents\": \"Hello, Bob!\"|\"contents\": \"Hello, Bob!\", \"cc\": \"Eve\"|raw.message.cc",
            "bad domain field|{\"name\": \"version\", \"type\": \"string\"}|{\"name\": \"owner\", \"type\": \"string\"}|raw.types.EIP712Domain",
            "domain chainId not a number|\"chainId\": 1|\"chainId\": \"one\"|raw.domain.chainId",
            "domain missing|\"domain\": {|\"domian\": {|raw.domain",
            "struct given a string|\"to\": {\"name\": \"Bob\", \"wallet\": \"0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB\"}|\"to\": \"Bob\"|raw.message.to"})
    void malformedTypedDataIsRefusedNamingTheField(String name, String from, String to, String field) throws Exception {
        String json = MAIL.replace(from, to);
        assertThat(json).as("the case changes the example").isNotEqualTo(MAIL);
        Outcome<Eip712.Hashed> outcome = Eip712.hash(tree(json), "raw");
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        assertThat(((Outcome.Failed<Eip712.Hashed>) outcome).problem().message()).contains("'" + field);
    }

    @Test
    void integersOutOfRangeAndWrongArrayLengthsAreRefused() throws Exception {
        assertThat(failure(GROUPS.replace("[-5, 300]", "[-5, 40000]"))).contains("'raw.message.scores[1]'")
                .contains("int16");
        assertThat(failure(GROUPS.replace("[-5, 300]", "[-5]"))).contains("'raw.message.scores'").contains("2 items");
        assertThat(failure(GROUPS.replace("\"0xdeadbeef\"", "\"0xdead\""))).contains("'raw.message.tag'").contains("4 bytes");
        assertThat(failure(GROUPS.replace("\"ok\": true", "\"ok\": \"yes\""))).contains("'raw.message.ok'");
    }

    @Test
    void deepOrHugeTypedDataIsRefused() throws Exception {
        // A recursive type nested past the depth bound.
        StringBuilder value = new StringBuilder("{\"next\": []}");
        for (int i = 0; i < Eip712.MAX_DEPTH + 2; i++) {
            value = new StringBuilder("{\"next\": [" + value + "]}");
        }
        String deep = """
                {"types": {"EIP712Domain": [{"name": "name", "type": "string"}],
                           "Node": [{"name": "next", "type": "Node[]"}]},
                 "primaryType": "Node", "domain": {"name": "x"}, "message": %s}""".formatted(value);
        assertThat(failure(deep)).contains("nests deeper than " + Eip712.MAX_DEPTH);
        String many = """
                {"types": {"EIP712Domain": [{"name": "name", "type": "string"}],
                           "Big": [{"name": "items", "type": "uint8[]"}]},
                 "primaryType": "Big", "domain": {"name": "x"}, "message": {"items": [%s]}}"""
                .formatted(String.join(",", java.util.Collections.nCopies(Eip712.MAX_VALUES + 1, "1")));
        assertThat(failure(many)).contains("more than " + Eip712.MAX_VALUES + " values");
    }

    private static String failure(String json) throws Exception {
        Outcome<Eip712.Hashed> outcome = Eip712.hash(tree(json), "raw");
        assertThat(outcome).isInstanceOf(Outcome.Failed.class);
        return ((Outcome.Failed<Eip712.Hashed>) outcome).problem().message();
    }
}
