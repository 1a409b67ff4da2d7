package io.coffer.currency.address;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NearAddressesTest {

    private static final NearAddresses NEAR = new NearAddresses();

    /** nearcore's examples of valid account ids. */
    @ParameterizedTest
    @ValueSource(strings = {
            "aa", "a-a", "a-aa", "100", "0o", "com", "near", "bowen", "b-o_w_e-n", "b.owen", "bro.wen", "a.ha",
            "a.b-a.ra", "system", "over.9000", "google.com", "illia.cheapaccounts.near", "0o0ooo00oo00o",
            "alex-skidanov", "10-4.8-2", "b-o_w_e-n", "no_lols", "0123456789012345678901234567890123456789012345678901234567890123",
            "alice.near", "app.nearcrowd.near",
            "98793cd91a3f870fb126f66285808c7e094afcfc4eda8a970f6648cdf0dbd6de",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed",
    })
    void acceptsValidAccountIds(String account) {
        assertThat(NEAR.isValid(account)).isTrue();
    }

    /** nearcore's examples of invalid account ids. */
    @ParameterizedTest
    @ValueSource(strings = {
            "a", "A", "Abc", "-near", "near-", "-near-", "near.", ".near", "near@", "@near", "неар", "@@@@@", "0__0",
            "0_-_0", "..", "a..near", "nEar", "_bowen", "hello world", "abcdefghijklmnopqrstuvwxyz.abcdefghijklmnopqrstuvwxyz.abcdefghijklmnopqrstuvwxyz",
            "01234567890123456789012345678901234567890123456789012345678901234",
            "", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    })
    void rejectsInvalidAccountIds(String account) {
        assertThat(NEAR.isValid(account)).isFalse();
    }

    @Test
    void derivesImplicitAccountsAsTheKeyInLowercaseHex() {
        Random random = new Random(397);
        for (int i = 0; i < 100; i++) {
            byte[] key = new byte[32];
            random.nextBytes(key);
            String account = NEAR.fromPublicKey(key);
            assertThat(account).isEqualTo(HexFormat.of().formatHex(key)).hasSize(64);
            assertThat(NEAR.isValid(account)).isTrue();
        }
    }
}
