package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolkadotAddressesTest {

    private static final PolkadotAddresses POLKADOT = new PolkadotAddresses(0);
    private static final PolkadotAddresses WESTEND = new PolkadotAddresses(42);

    /** Substrate's well-known development accounts //Alice and //Bob, generic (42) and Polkadot (0) prefixes. */
    @ParameterizedTest
    @CsvSource({
            "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d, 42, 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d, 0, 15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5",
            "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48, 42, 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
    })
    void encodesTheDevelopmentAccountsAsSubstrateDoes(String accountIdHex, int prefix, String address) {
        PolkadotAddresses format = new PolkadotAddresses(prefix);
        assertThat(format.fromPublicKey(HexFormat.of().parseHex(accountIdHex))).isEqualTo(address);
        assertThat(format.isValid(address)).isTrue();
    }

    @Test
    void rejectsAWestendAddressOnPolkadotAndTheOtherWayRound() {
        assertThat(POLKADOT.isValid("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).isFalse();
        assertThat(WESTEND.isValid("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5")).isFalse();
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            assertThat(POLKADOT.isValid(WESTEND.fromPublicKey(key))).isFalse();
            assertThat(WESTEND.isValid(POLKADOT.fromPublicKey(key))).isFalse();
            assertThat(new PolkadotAddresses(2).isValid(POLKADOT.fromPublicKey(key))).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQZ",
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ",
            "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQYY",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "",
    })
    void rejectsMistypedWestendAddresses(String address) {
        assertThat(WESTEND.isValid(address)).isFalse();
    }

    @Test
    void supportsOnlySingleBytePrefixes() {
        assertThatThrownBy(() -> new PolkadotAddresses(64)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PolkadotAddresses(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derivedAddressesStartWithThePrefixesUsualLetter() {
        Random random = new Random(6);
        for (int i = 0; i < 200; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            assertThat(POLKADOT.fromPublicKey(key)).startsWith("1").hasSizeBetween(47, 48);
            assertThat(WESTEND.fromPublicKey(key)).startsWith("5").hasSize(48);
        }
    }
}
