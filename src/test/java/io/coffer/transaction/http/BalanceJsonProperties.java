package io.coffer.transaction.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.coffer.common.Amount;
import io.coffer.http.Json;
import io.coffer.ledger.Balance;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;

/** The hand-written AccountBalances answer is byte for byte what the JSON mapper writes. */
class BalanceJsonProperties {

    @Property
    void handWrittenBalancesEqualTheMappersOutput(
            @ForAll @BigRange(min = "0", max = "57896044618658097711785492504343953926634992332820282019728792003956564819967") BigInteger confirmed,
            @ForAll @BigRange(min = "0", max = "1000000000000000000000") BigInteger incoming,
            @ForAll @BigRange(min = "0", max = "1000") BigInteger outgoingPart) {
        BigInteger outgoing = outgoingPart.min(confirmed);
        Balance balance = new Balance(new Amount(confirmed), new Amount(incoming), new Amount(outgoing), Amount.ZERO);
        String expected = new String(Json.write(new BalanceRoutes.AccountBalances(balance.available(), balance.pending(),
                balance.total())), StandardCharsets.UTF_8);
        assertThat(new String(BalanceRoutes.accountBalances(balance), StandardCharsets.US_ASCII)).isEqualTo(expected);
    }
}
