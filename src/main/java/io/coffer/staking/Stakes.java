package io.coffer.staking;

import io.coffer.common.Amount;
import io.coffer.common.Page;
import io.coffer.common.PageRequest;
import io.coffer.common.Tx;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Storage of stakes, the transactions acting on them, their rewards and the simulated rates. */
public interface Stakes {

    Set<String> ORDER_BY = Set.of("created_on", "id", "status", "amount");

    /** A transaction acting on a stake: which stake, what it does, what it reserved. */
    record Action(long transactionId, long stakeId, StakeOperation operation, Amount reserved, Amount fee) {
    }

    long create(Tx tx, Stake stake);

    void update(Tx tx, Stake stake);

    Optional<Stake> find(Tx tx, long workspaceId, long stakeId);

    /** The stake of an account by its uid. */
    Optional<Stake> findByUid(Tx tx, long accountId, String uid);

    /** Locks a stake's row for an update. */
    Optional<Stake> lock(Tx tx, long stakeId);

    Page<Stake> search(Tx tx, long accountId, StakeFilter filter, PageRequest page);

    /** Every stake of an account, newest first (bounded by {@code limit}). */
    List<Stake> ofAccount(Tx tx, long accountId, int limit);

    /** The sums of an account's stake amounts by status (one grouped query). */
    java.util.Map<StakeStatus, Amount> sumsByStatus(Tx tx, long accountId);

    /**
     * What the account's stakes hold outside its books and will credit back: active, stopping, and
     * Solana stakes deactivated but not yet withdrawn.
     */
    Amount heldOutside(Tx tx, long accountId);

    /**
     * Stakes of a workspace and chain owed rewards: active ones not paid up to {@code before}, and
     * stopped ones not paid up to their stop.
     */
    List<Stake> accruing(Tx tx, long workspaceId, Chain chain, Instant before, int limit);

    /** A workspace's clock offset (how far the sandbox moved its clock). */
    java.time.Duration clockOffset(Tx tx, long workspaceId);

    /**
     * Workspaces with active stakes, or stopped ones still owed rewards, after {@code afterWorkspaceId},
     * in id order (the background job's round).
     */
    List<Long> workspacesWithActiveStakes(Tx tx, long afterWorkspaceId, int limit);

    void addAction(Tx tx, long workspaceId, Action action);

    Optional<Action> action(Tx tx, long transactionId);

    void addReward(Tx tx, long workspaceId, Reward reward);

    /** Rewards of an account (or of one of its stakes), newest first, paid in {@code [from, to]}. */
    List<Reward> rewards(Tx tx, long accountId, Optional<Long> stakeId, Optional<Instant> from, Optional<Instant> to,
                         Optional<Long> fromPeriod, Optional<Long> toPeriod, int limit);

    /** The sum of an account's rewards paid after {@code since} (all of them when empty). */
    Amount rewardSum(Tx tx, long accountId, Optional<Instant> since);

    /** The yearly rate set for a chain in a workspace, if one was set. */
    Optional<Integer> rate(Tx tx, long workspaceId, Chain chain);

    void setRate(Tx tx, long workspaceId, Chain chain, int rateBps, Instant at);
}
