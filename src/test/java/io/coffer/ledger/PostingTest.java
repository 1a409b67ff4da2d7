package io.coffer.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.coffer.common.Amount;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PostingTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    @Test
    void anUnbalancedPostingCannotExist() {
        assertThatThrownBy(() -> new Posting(1, Optional.empty(), "BROKEN", "bitcoin", NOW, List.of(
                new Posting.Entry(Optional.of(1L), Bucket.CONFIRMED, Side.DEBIT, Amount.of(10)),
                new Posting.Entry(Optional.empty(), Bucket.CONFIRMED, Side.CREDIT, Amount.of(9)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unbalanced");
    }

    @Test
    void zeroAmountsAreNotEntries() {
        assertThatThrownBy(() -> new Posting.Entry(Optional.of(1L), Bucket.CONFIRMED, Side.DEBIT, Amount.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lifecyclePostingsBalanceAndMirrorEachBucket() {
        for (Posting posting : List.of(
                Postings.receivePending(1, 7, "bitcoin", 3, Amount.of(500), NOW),
                Postings.receiveConfirmed(1, 7, "bitcoin", 3, Amount.of(500), NOW))) {
            for (Bucket bucket : Bucket.values()) {
                long accountSide = posting.entries().stream()
                        .filter(e -> !e.external() && e.bucket() == bucket)
                        .mapToLong(e -> e.side() == Side.DEBIT ? e.amount().value().longValue() : -e.amount().value().longValue())
                        .sum();
                long externalSide = posting.entries().stream()
                        .filter(e -> e.external() && e.bucket() == bucket)
                        .mapToLong(e -> e.side() == Side.CREDIT ? e.amount().value().longValue() : -e.amount().value().longValue())
                        .sum();
                assertThat(accountSide).as(posting.kind() + " " + bucket).isEqualTo(externalSide);
            }
            assertThat(posting.accountIds()).containsExactly(3L);
        }
    }

    @Test
    void balanceFiguresFollowTheFormula() {
        Balance balance = new Balance(Amount.of(1000), Amount.of(100), Amount.of(250), Amount.ZERO);
        assertThat(balance.total()).isEqualTo(Amount.of(1100));
        assertThat(balance.pending()).isEqualTo(Amount.of(350));
        assertThat(balance.available()).isEqualTo(Amount.of(750));
        assertThat(balance.available().plus(balance.pending())).isEqualTo(balance.total());
        assertThatThrownBy(() -> new Balance(Amount.of(10), Amount.ZERO, Amount.of(11), Amount.ZERO))
                .isInstanceOf(IllegalStateException.class);
    }
}
