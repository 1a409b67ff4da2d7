package io.coffer.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.currency.Currency;
import io.coffer.currency.CurrencyCatalog;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Invented outside addresses are valid for their network and never repeat, across the redraws of their keys. */
class RandomChainDataTest {

    private static final CurrencyCatalog CATALOG = CurrencyCatalog.standard();

    @Test
    void evmAddressesAreValidAndDistinctAcrossSeveralDraws() {
        RandomChainData chainData = new RandomChainData(new SecureRandom());
        Currency ethereum = CATALOG.currency("ethereum").orElseThrow();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String address = chainData.address(ethereum);
            assertThat(ethereum.addresses().isValid(address)).as(address).isTrue();
            assertThat(seen.add(address)).as("repeated %s at %d", address, i).isTrue();
        }
    }

    @Test
    void everySecp256k1AndEd25519NetworkGetsItsOwnValidAddresses() {
        RandomChainData chainData = new RandomChainData(new SecureRandom());
        int checked = 0;
        for (Currency currency : CATALOG.currencies()) {
            if (currency.fiat() || currency.addresses().curve() == io.coffer.currency.address.KeyCurve.NONE) {
                continue;
            }
            String first = chainData.address(currency);
            String second = chainData.address(currency);
            assertThat(currency.addresses().isValid(first)).as(currency.name() + " " + first).isTrue();
            assertThat(currency.addresses().isValid(second)).as(currency.name() + " " + second).isTrue();
            assertThat(first).isNotEqualTo(second);
            checked++;
        }
        assertThat(checked).isGreaterThan(10);
    }
}
