package io.coffer.nft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Associated token accounts derived as the SPL programs derive them, checked against published pairs. */
class AssociatedTokenAddressTest {

    @Test
    void matchesAddressesDerivedByTheSplLibraries() {
        // USDC's mint for a wallet, and a devnet mint for another, as other SPL clients derive them.
        assertThat(AssociatedTokenAddress.of("3h1zGmCwsRJnVk5BuRNMLsPaQu1y2aqXqXDWYCgrp5UG",
                "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v")).isEqualTo("3uetDDizgTtadDHZzyy9BqxrjQcozMEkxzbKhfZF4tG3");
        assertThat(AssociatedTokenAddress.of("5waJka9MrCgPFoLo3SQSjLDTGnkoDcwYYPnpk4YNJS6i",
                "4zMMC9srt5Ri5X14GAgXhaHii3GnPAEERYPJgZJDncDU")).isEqualTo("HmBpVD6N1vuGvQpS8KrwWH6Tr8rSwXQBEDKn5VXW6yyw");
    }

    @Test
    void refusesWhatIsNotASolanaKey() {
        assertThat(AssociatedTokenAddress.key("0OIl")).isEmpty();
        assertThat(AssociatedTokenAddress.key("11111111111111111111111111111111")).isPresent();
        assertThatThrownBy(() -> AssociatedTokenAddress.of("short", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
