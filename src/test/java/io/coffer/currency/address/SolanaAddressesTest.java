package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SolanaAddressesTest {

    private static final SolanaAddresses SOL = new SolanaAddresses();

    /** Well-known program ids and the system program (32 zero bytes). */
    @ParameterizedTest
    @ValueSource(strings = {
            "11111111111111111111111111111111",
            "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
            "ATokenGPvbdGVxr1b2hvZbsiqW5xWH25efTNsLJA8knL",
            "So11111111111111111111111111111111111111112",
            "Vote111111111111111111111111111111111111111",
            "Stake11111111111111111111111111111111111111",
            "SysvarC1ock11111111111111111111111111111111",
    })
    void acceptsWellKnownProgramIds(String address) {
        assertThat(org.bitcoinj.base.Base58.decode(address)).hasSize(32);
        assertThat(SOL.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1111111111111111111111111111111",
            "111111111111111111111111111111111",
            "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA1",
            "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5D0",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
            "",
    })
    void rejectsStringsThatAreNot32BytesOfBase58(String address) {
        assertThat(SOL.isValid(address)).isFalse();
    }

    @Test
    void encodesTheKeyItselfAsTheAddress() {
        byte[] rfc8032 = HexFormat.of().parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(SOL.fromPublicKey(rfc8032)).isEqualTo(org.bitcoinj.base.Base58.encode(rfc8032));
        Random random = new Random(2);
        for (int i = 0; i < 500; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            if (i % 10 == 0) {
                key[0] = 0;
            }
            String address = SOL.fromPublicKey(key);
            assertThat(address).isEqualTo(org.bitcoinj.base.Base58.encode(key));
            assertThat(SOL.isValid(address)).as(address).isTrue();
        }
    }
}
