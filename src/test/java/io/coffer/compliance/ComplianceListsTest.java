package io.coffer.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The shipped snapshot, the list file formats and their refusals, and how addresses compare. */
class ComplianceListsTest {

    @Test
    void theShippedSnapshotHoldsEveryLineOfItsSeventeenFiles() {
        SanctionsList list = ComplianceLists.shipped();
        assertThat(list.entries()).isEqualTo(654);
        assertThat(list.addresses()).isLessThanOrEqualTo(654).isGreaterThan(600);
        assertThat(list.source().toString()).contains("OFAC SDN").contains("2024-09-27").contains("f2aee22");
        // The same Ethereum-style address is listed under ARB and BSC: one entry naming both.
        assertThat(list.find("0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c").orElseThrow().assets())
                .contains("ARB", "BSC");
        assertThat(list.find("49HqitRzdnhYjgTEAhgGpCfsjdTeMbUTU6cyR4JV1R7k2Eej9rGT8JpFiYDa4tZM6RZiFrHmMzgSrhHEqpDYKBe5B2ufNsL"))
                .hasValueSatisfying(found -> assertThat(found.assets()).containsExactly("XMR"));
    }

    @Test
    void evmBech32AndCashAddrCompareInAnyCaseOthersExactly() {
        SanctionsList list = SanctionsList.of(new ListSource("test", "v1"), List.of(
                new SanctionsList.Entry("ETH", "0x01e2919679362dFBC9ee1644Ba9C6da6D6245BB1"),
                new SanctionsList.Entry("XBT", "bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw"),
                new SanctionsList.Entry("BCH", "qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq"),
                new SanctionsList.Entry("TRX", "TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre")));
        assertThat(list.find("0x01E2919679362DFBC9EE1644BA9C6DA6D6245BB1")).isPresent();
        assertThat(list.find("0x01e2919679362dfbc9ee1644ba9c6da6d6245bb1")).isPresent();
        assertThat(list.find("BC1Q05AKTDDF9CE4P7HH3STGSF253M4VWEU7NKHTMW")).isPresent();
        assertThat(list.find("bitcoincash:qpf2cphc5dkuclkqur7lhj2yuqq9pk3hmukle77vhq")).isPresent();
        assertThat(list.find("TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre")).isPresent();
        assertThat(list.find("tbhtjqay4dhhhmt3dncejynrz4sdlofLre".toLowerCase(Locale.ROOT))).isEmpty();
        assertThat(list.find("0x01e2919679362dfbc9ee1644ba9c6da6d6245bb2")).isEmpty();
    }

    /**
     * The same payment script has several spellings that the networks accept: Bitcoin Cash's CashAddr
     * and legacy Base58 forms, and Litecoin's (and DigiByte's) new and old P2SH versions. Each
     * spelling of a listed script is listed, whichever of them the list writes.
     */
    @Test
    void everySpellingOfAListedPaymentScriptIsListed() {
        // Listed on the shipped snapshot: LTC M8yFL... (P2SH version 0x32); BCH qpf2c... (CashAddr P2PKH).
        SanctionsList shipped = ComplianceLists.shipped();
        // Litecoin accepts the Bitcoin-style P2SH version 0x05 for the same script hash.
        assertThat(shipped.find("32m72D2HEycRqfBkaazZcuVpLWq9k3sYdt")).as("LTC P2SH, old version")
                .hasValueSatisfying(found -> assertThat(found.address()).isEqualTo("M8yFL6SFC6TreATegTyuSYkDfDRbisdpT3"));
        // Bitcoin Cash accepts the legacy Base58 spelling of a CashAddr address, and the reverse.
        assertThat(shipped.find("18Y8VPic2pZsvyLaYVdSLQdCuT2nAJJ3hd")).as("BCH legacy of a listed CashAddr").isPresent();
        assertThat(shipped.find("bitcoincash:qpgf0ztxq3mwfq6eg5versgfdzq9c3pwv5jsk6wnay"))
                .as("CashAddr of a listed legacy BCH address").isPresent();
        assertThat(shipped.find("BITCOINCASH:QPGF0ZTXQ3MWFQ6EG5VERSGFDZQ9C3PWV5JSK6WNAY")).isPresent();

        SanctionsList list = SanctionsList.of(new ListSource("test", "v1"), List.of(
                new SanctionsList.Entry("DGB", "STwc3frYLsLfrQ8NC82LPWiRrmDT4pQZvY"),
                new SanctionsList.Entry("ATOM", "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0auqdal4"),
                new SanctionsList.Entry("ETH", "0X52908400098527886E0F7030069857D2E4169EE7")));
        assertThat(list.find("38LcwNZqAQTrRG3LmnhrGEvoMWGjq3mQqp")).as("DigiByte P2SH, old version").isPresent();
        // Bech32 is case-insensitive whatever its prefix, not only Bitcoin's and Litecoin's.
        assertThat(list.find("COSMOS19RL4CM2HMR8AFY4KLDPXZ3FKA4JGUQ0AUQDAL4")).isPresent();
        // An EVM address the list writes with "0X" is the same address.
        assertThat(list.find("0x52908400098527886e0f7030069857d2e4169ee7")).isPresent();

        // Other scripts stay apart: a different hash, and a Bitcoin P2PKH is not the Litecoin P2PKH of its hash.
        assertThat(shipped.find("38LcwNZqAQTrRG3LmnhrGEvoMWGjq3mQqp")).isEmpty();
        assertThat(shipped.find("14S531R5q7wvrTf497Yz63o4sZHFNsavP5")).as("BTC P2PKH of a listed LTC hash").isEmpty();
    }

    /** The P2SH versions {@link AddressKey} treats as one are those the catalog's networks accept for one script. */
    @Test
    void theAliasedScriptVersionsAreThoseTheCatalogAccepts() {
        java.util.Set<Integer> aliased = new java.util.TreeSet<>();
        for (var currency : io.coffer.currency.CurrencyCatalog.standard().currencies()) {
            if (currency.addresses() instanceof io.coffer.currency.address.BitcoinAddresses bitcoin
                    && bitcoin.p2sh().size() > 1) {
                assertThat(bitcoin.p2sh()).as(currency.name()).contains(AddressKey.BITCOIN_P2SH);
                bitcoin.p2sh().stream().filter(version -> version != AddressKey.BITCOIN_P2SH).forEach(aliased::add);
            }
        }
        assertThat(aliased).isEqualTo(AddressKey.ALIASED_P2SH);
    }

    @Test
    void aSanctionsFileTakesAssetAddressLinesAndRefusesAnythingElseNamingTheLine() {
        SanctionsList list = ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE", ComplianceCases.write("s.txt",
                "# newer list\n\nETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\nXBT  bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq\n"));
        assertThat(list.entries()).isEqualTo(2);
        assertThat(list.find("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isPresent();
        assertThat(list.source().toString()).contains("s.txt").contains("COFFER_SANCTIONS_FILE");

        for (String bad : List.of("ETH\n", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n", "eth 0xabc\n",
                "ETH 0xabc extra\n", "ETH 0x<script>\n", "ETH " + "a".repeat(300) + "\n")) {
            assertThatThrownBy(() -> ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE",
                    ComplianceCases.write("bad.txt", "XBT 1BoatSLRHtKNngkdXEeobR76b53LETtpyT\n" + bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("COFFER_SANCTIONS_FILE").hasMessageContaining("line 2")
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE", ComplianceCases.write("empty.txt",
                "# nothing\n"))).hasMessageContaining("lists no address");
        assertThatThrownBy(() -> ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE",
                ComplianceCases.write("x.txt", "").resolveSibling("missing.txt"))).hasMessageContaining("not a readable file");
    }

    /** Files saved by editors that begin UTF-8 with a byte-order mark read like any other. */
    @Test
    void aByteOrderMarkAtTheStartOfAListIsNotPartOfTheFirstLine() {
        SanctionsList list = ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE", ComplianceCases.write("bom.txt",
                "\uFEFF# OFAC update\nETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n"));
        assertThat(list.find("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")).isPresent();
        SanctionsList first = ComplianceLists.sanctionsFile("COFFER_SANCTIONS_FILE", ComplianceCases.write("bom2.txt",
                "\uFEFFETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed\n"));
        assertThat(first.entries()).isEqualTo(1);
        HighRiskList risky = ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE", ComplianceCases.write("bom3.txt",
                "\uFEFF0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed mixing A mixer\n"));
        assertThat(risky.size()).isEqualTo(1);
    }

    /**
     * A reason is shown in answers and stored with flagged deposits: control characters (a NUL, which
     * PostgreSQL text cannot hold, would fail every deposit from that sender) stop the start instead.
     */
    @Test
    void aHighRiskReasonWithControlCharactersIsRefusedAtStart() {
        for (String reason : List.of("Mixer\u0000hack", "Mixer\u001b[31m", "Mixer\u007f")) {
            assertThatThrownBy(() -> ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE",
                    ComplianceCases.write("ctl.txt", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed mixing " + reason + "\n")))
                    .as(reason).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 1").hasMessageContaining("control character");
        }
    }

    /** A flagged deposit's service name is cut to what its column holds, never inside a character. */
    @Test
    void aLongHighRiskReasonIsCutBetweenCharacters() {
        String address = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        for (int pad = 470; pad <= 480; pad++) {
            String reason = "r".repeat(pad) + "\uD83D\uDE00".repeat(10);
            ComplianceService service = new ComplianceService(SanctionsList.of(new ListSource("t", "v"), List.of(
                    new SanctionsList.Entry("XBT", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"))),
                    HighRiskList.of(List.of(new HighRiskList.HighRiskAddress(address, "mixing", reason))),
                    io.coffer.currency.CurrencyCatalog.standard());
            String name = service.screen(1, 2, address, java.time.Instant.EPOCH).orElseThrow().service();
            assertThat(name.length()).isLessThanOrEqualTo(500);
            assertThat(Character.isHighSurrogate(name.charAt(name.length() - 1))).as("pad " + pad).isFalse();
        }
    }

    @Test
    void aHighRiskFileTakesAddressCategoryReasonLines() {
        HighRiskList list = ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE", ComplianceCases.write("r.txt",
                "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed darknet market Sells stolen cards\n"));
        assertThat(list.find("0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED")).hasValueSatisfying(found -> {
            assertThat(found.category()).isEqualTo("darknet");
            assertThat(found.reason()).isEqualTo("market Sells stolen cards");
        });
        assertThatThrownBy(() -> ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE",
                ComplianceCases.write("r2.txt", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed mixing\n")))
                .hasMessageContaining("COFFER_HIGH_RISK_ADDRESSES_FILE").hasMessageContaining("line 1");
        assertThatThrownBy(() -> ComplianceLists.highRiskFile("COFFER_HIGH_RISK_ADDRESSES_FILE",
                ComplianceCases.write("r3.txt", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed MIXING why\n")))
                .hasMessageContaining("category in lower case");
    }

    @Test
    void listsAreBoundedInEntries() {
        List<SanctionsList.Entry> many = new ArrayList<>();
        for (int i = 0; i <= SanctionsList.MAX_ENTRIES; i++) {
            many.add(new SanctionsList.Entry("XBT", "a" + i));
        }
        assertThatThrownBy(() -> SanctionsList.of(new ListSource("big", "v"), many))
                .hasMessageContaining(String.valueOf(SanctionsList.MAX_ENTRIES));
        List<HighRiskList.HighRiskAddress> risky = new ArrayList<>();
        for (int i = 0; i <= HighRiskList.MAX_ENTRIES; i++) {
            risky.add(new HighRiskList.HighRiskAddress("a" + i, "mixing", "r"));
        }
        assertThatThrownBy(() -> HighRiskList.of(risky)).hasMessageContaining(String.valueOf(HighRiskList.MAX_ENTRIES));
    }
}
