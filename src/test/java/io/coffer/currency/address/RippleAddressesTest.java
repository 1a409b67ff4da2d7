package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bitcoinj.crypto.ECKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RippleAddressesTest {

    private static final RippleAddresses XRP = new RippleAddresses();

    @Test
    void derivesTheGenesisAccountFromTheMasterpassphrasePublicKey() {
        // the public key of the XRP Ledger genesis account (secret "masterpassphrase")
        byte[] publicKey = HexFormat.of().parseHex("0330E7FC9D56BB25D6893BA3F317AE5BCF33B3291BD63DB32654A313222F7FD020");
        assertThat(HexFormat.of().formatHex(Hashes.hash160(publicKey))).isEqualTo("b5f762798a53d543a014caf8b297cff8f2f937e8");
        assertThat(XRP.fromPublicKey(publicKey)).isEqualTo("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh", "rrrrrrrrrrrrrrrrrrrrrhoLvTp", "rrrrrrrrrrrrrrrrrrrrBZbvji"})
    void acceptsWellKnownAccounts(String address) {
        assertThat(XRP.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTH",
            "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyT",
            "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyThr",
            "HHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
            "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
            "X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ",
            "",
    })
    void rejectsMistypedOrForeignAddresses(String address) {
        assertThat(XRP.isValid(address)).isFalse();
    }

    @Test
    void rejectsRippleBase58CheckWithANonZeroTypePrefix() {
        byte[] payload = new byte[21];
        payload[0] = 0x23; // an account public key prefix, not an account id
        assertThat(XRP.isValid(Base58.RIPPLE.encodeChecked(payload))).isFalse();
    }

    @Test
    void derivesValidAddressesFromRandomKeys() {
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 30; i++) {
            ECKey key = new ECKey(random);
            String address = XRP.fromPublicKey(key.getPubKey());
            assertThat(address).startsWith("r");
            assertThat(XRP.isValid(address)).isTrue();
            assertThat(Base58.RIPPLE.decodeChecked(address)).hasValueSatisfying(payload ->
                    assertThat(payload).isEqualTo(Hashes.concat(new byte[] {0}, key.getPubKeyHash())));
        }
    }
}
