package io.coffer.staking;

import io.coffer.common.Amount;
import java.time.Instant;

/**
 * A reward paid to a stake for one period (day, epoch or cycle) of activity.
 *
 * @param period the period it was earned in
 * @param periodStart when that period began
 * @param paidOn when it was paid (the period's end)
 * @param stakeBalance the stake's amount that earned it
 * @param accumulated the stake's total rewards including this one
 * @param rateBps the yearly rate it was computed with
 */
public record Reward(long id, long stakeId, String stakeUid, long accountId, long period, Instant periodStart,
                     Instant paidOn, Amount amount, Amount stakeBalance, Amount accumulated, int rateBps) {
}
