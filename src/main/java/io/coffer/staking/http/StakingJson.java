package io.coffer.staking.http;

import io.coffer.common.Amount;
import io.coffer.staking.Chain;
import io.coffer.staking.Reward;
import io.coffer.staking.RewardAccrual;
import io.coffer.staking.Stake;
import io.coffer.staking.StakeLifecycle;
import io.coffer.staking.StakeStatus;
import io.coffer.staking.StakingService;
import io.coffer.account.Account;
import java.math.BigDecimal;

import java.time.Instant;
import java.util.Map;

/**
 * The JSON shapes of stakes and rewards, each the spec's schema for its chain; absent optional
 * fields are left out (never {@code null}), ids stand for the objects ({@code created_by},
 * {@code creation_tx}, {@code last_request} take the integer branch of their {@code oneOf}).
 */
final class StakingJson {

    /** Slots in a Solana epoch, to give a reward's slot. */
    private static final long SOLANA_SLOTS_PER_EPOCH = 432_000;

    private StakingJson() {
    }

    /** {@code _SolanaStake}, {@code _TezosStake} and {@code _CardanoStake}: the same fields, the chain's state. */
    record StakeView(Amount amount, Object blockchainState, long createdBy, Instant createdOn, long creationTx, long id,
                     Long lastRequest, String stakeUid, String status, Amount totalReward, String validator) {
    }

    record SolanaState(Instant activationDate, Long activationEpoch, Amount activeBalance, Instant deactivationDate,
                       Long deactivationEpoch, Amount inactiveBalance, String pubKey, String rentExemptReserve,
                       String status, Amount totalBalance, String validatorAddress, Amount withdrawableBalance) {
    }

    record TezosState(Instant activatedAt, Integer activatedCycle, Amount activeBalance, String bakerAddress,
                      Instant delegatedAt, Integer delegatedCycle, String grossApy, Amount rewards, String state,
                      Instant updatedAt) {
    }

    record CardanoState(Map<String, Object> balances, Instant date, Integer epoch, String poolId, String stakeAddress) {
    }

    /** {@code _EthereumBlockchainStake}. */
    record EthereumStakeView(long accountId, String accountName, EthereumState blockchainState, String createdOn,
                             String currency, String status, Amount totalReward, String uid) {
    }

    record EthereumState(String activatedAt, Amount balance, Amount consensusRewards, String delegatedAt,
                         String depositTxSender, Amount effectiveBalance, Amount executionRewards, String feeRecipient,
                         Double grossApy, String state, String validatorAddress, String withdrawalCredentials) {
    }

    /** {@code EthereumStakeReward}; {@code EthereumAccountReward} is the same without the uid. */
    record EthereumReward(Amount amount, Instant createdOn, EthereumRewardInfo info, String stakeUid) {
    }

    record EthereumAccountReward(Amount amount, Instant createdOn, EthereumRewardInfo info) {
    }

    record EthereumRewardInfo(double clApy, Amount consensusRewards, double elApy, Amount executionRewards,
                              double grossApy, Amount stakeBalance) {
    }

    record SolanaReward(Amount amount, Instant createdOn, SolanaRewardInfo info, String stakeUid) {
    }

    record SolanaRewardInfo(Instant date, String effectiveSlot, String epoch, Amount postBalance) {
    }

    record CardanoReward(Amount amount, Instant createdOn, CardanoRewardInfo info, String stakeUid) {
    }

    record CardanoRewardInfo(Amount accumulated, String earnedIn, String receivedIn) {
    }

    record TezosReward(Amount amount, String createdOn, TezosRewardInfo info, String stakeUid) {
    }

    record TezosRewardInfo(Amount activeBalance, int cycle, String cycleBeginsAt, String grossApy, Amount rewards) {
    }

    record Periodic(Amount last30, Amount last7, Amount total) {
        static Periodic of(StakingService.Periodic p) {
            return new Periodic(p.last30(), p.last7(), p.total());
        }
    }

    static StakeView stake(Stake s, int rateBps) {
        Object state = switch (s.chain()) {
            case SOLANA -> solana(s);
            case TEZOS -> tezos(s, rateBps);
            case CARDANO -> cardano(s);
            case ETHEREUM -> throw new IllegalArgumentException("Ethereum stakes have their own shape");
        };
        return new StakeView(s.amount(), state, s.createdBy(), s.createdOn(), s.creationTx(), s.id(),
                s.lastRequest().orElse(null), s.uid(), s.status().name(), s.totalReward(), s.validator());
    }

    private static SolanaState solana(Stake s) {
        boolean open = s.status() != StakeStatus.ABORTED && s.status() != StakeStatus.DELETED;
        Amount total = open ? s.amount() : Amount.ZERO;
        boolean earning = s.status() == StakeStatus.ACTIVE || s.status() == StakeStatus.DEACTIVATING;
        Amount active = earning ? new Amount(RewardAccrual.earningBalance(s)) : Amount.ZERO;
        Amount inactive = new Amount(total.value().subtract(active.value()));
        Amount withdrawable = s.status() == StakeStatus.DEACTIVATED ? total : Amount.ZERO;
        String status = switch (s.status()) {
            case PENDING, UNKNOWN -> "pending";
            case ACTIVATING -> "activating";
            case ACTIVE -> "activated";
            case DEACTIVATING -> "deactivating";
            case DEACTIVATED -> "deactivated";
            case ABORTED, DELETED -> "deleted";
        };
        return new SolanaState(s.activatedOn().orElse(null), s.activatedOn().map(Chain.SOLANA::periodOf).orElse(null),
                active, s.deactivatedOn().orElse(null), s.deactivatedOn().map(Chain.SOLANA::periodOf).orElse(null),
                inactive, s.address(), StakeLifecycle.SOLANA_RENT_EXEMPT_RESERVE.toString(), status, total,
                s.validator(), withdrawable);
    }

    private static TezosState tezos(Stake s, int rateBps) {
        String state = switch (s.status()) {
            case PENDING, ACTIVATING, UNKNOWN -> "activating";
            case ACTIVE, DEACTIVATING -> "active";
            case ABORTED, DEACTIVATED, DELETED -> "inactive";
        };
        Integer cycle = s.activatedOn().map(at -> (int) Chain.TEZOS.periodOf(at)).orElse(null);
        return new TezosState(s.activatedOn().orElse(null), cycle, s.status() == StakeStatus.ACTIVE ? s.amount() : null,
                s.validator(), s.activatedOn().orElse(s.createdOn()), cycle, percent(rateBps), s.totalReward(), state,
                s.accruedUntil().orElse(null));
    }

    private static CardanoState cardano(Stake s) {
        return new CardanoState(Map.of(), s.activatedOn().orElse(null),
                s.activatedOn().map(at -> (int) Chain.CARDANO.periodOf(at)).orElse(null), s.validator(), s.address());
    }

    static EthereumStakeView ethereum(Stake s, Account account, int rateBps) {
        String state = switch (s.status()) {
            case PENDING, UNKNOWN -> "pending_initialized";
            case ACTIVATING -> "pending_queued";
            case ACTIVE -> "active_ongoing";
            case DEACTIVATING -> "active_exiting";
            case DEACTIVATED, DELETED -> "withdrawal_done";
            case ABORTED -> "aborted";
        };
        String owner = account.address();
        String credentials = "0x01" + "0".repeat(22) + owner.substring(2).toLowerCase(java.util.Locale.ROOT);
        return new EthereumStakeView(account.id(), account.name(), new EthereumState(
                s.activatedOn().map(io.coffer.http.Json::format).orElse(null), s.amount(), s.totalReward(),
                io.coffer.http.Json.format(s.createdOn()), owner, s.amount(), Amount.ZERO, owner, apy(rateBps), state,
                s.address(), credentials), io.coffer.http.Json.format(s.createdOn()), account.currency(), s.status().name(),
                s.totalReward(), s.uid());
    }

    static EthereumRewardInfo ethereumInfo(Reward r) {
        double apy = apy(r.rateBps());
        return new EthereumRewardInfo(apy, r.amount(), 0.0, Amount.ZERO, apy, r.stakeBalance());
    }

    static SolanaReward solanaReward(Reward r) {
        return new SolanaReward(r.amount(), r.paidOn(), new SolanaRewardInfo(r.paidOn(),
                Long.toString((r.period() + 1) * SOLANA_SLOTS_PER_EPOCH), Long.toString(r.period()), r.stakeBalance()),
                r.stakeUid());
    }

    static CardanoReward cardanoReward(Reward r) {
        return new CardanoReward(r.amount(), r.paidOn(), new CardanoRewardInfo(r.accumulated(), Long.toString(r.period()),
                Long.toString(r.period() + 1)), r.stakeUid());
    }

    static TezosReward tezosReward(Reward r) {
        return new TezosReward(r.amount(), io.coffer.http.Json.format(r.paidOn()), new TezosRewardInfo(r.stakeBalance(),
                (int) r.period(), io.coffer.http.Json.format(r.periodStart()), percent(r.rateBps()), r.amount()),
                r.stakeUid());
    }

    /** A yearly rate in basis points as a percentage, e.g. 550 as "5.50". */
    static String percent(int rateBps) {
        return BigDecimal.valueOf(rateBps, 2).toPlainString();
    }

    static double apy(int rateBps) {
        return BigDecimal.valueOf(rateBps, 2).doubleValue();
    }
}
