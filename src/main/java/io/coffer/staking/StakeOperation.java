package io.coffer.staking;

import io.coffer.transaction.TransactionType;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The staking {@code transaction_type}s Coffer accepts in {@code POST /requests}. The reference
 * spec lists the resulting {@code Transaction.type} values but defines no creation data for these
 * chains, so these names and bodies are Coffer's, shaped like the spec's other creation data.
 */
public enum StakeOperation {
    ETHEREUM_LIKE_STAKE(Chain.ETHEREUM, TransactionType.STAKE, Kind.OPEN),
    ETHEREUM_LIKE_UNSTAKE(Chain.ETHEREUM, TransactionType.EXECUTE_CONTRACT, Kind.CLOSE),
    SOLANA_LIKE_STAKE_CREATE_DELEGATE(Chain.SOLANA, TransactionType.STAKE_CREATE_DELEGATE, Kind.OPEN),
    SOLANA_LIKE_STAKE_DEACTIVATE(Chain.SOLANA, TransactionType.STAKE_DEACTIVATE, Kind.DEACTIVATE),
    SOLANA_LIKE_STAKE_WITHDRAW(Chain.SOLANA, TransactionType.STAKE_WITHDRAW, Kind.WITHDRAW),
    TEZOS_LIKE_DELEGATE(Chain.TEZOS, TransactionType.DELEGATE, Kind.OPEN),
    TEZOS_LIKE_UNDELEGATE(Chain.TEZOS, TransactionType.UNDELEGATE, Kind.CLOSE),
    CARDANO_LIKE_STAKING_DELEGATE(Chain.CARDANO, TransactionType.STAKING_DELEGATE, Kind.OPEN),
    CARDANO_LIKE_STAKING_DEREGISTER(Chain.CARDANO, TransactionType.STAKING_DEREGISTER, Kind.CLOSE);

    /** What an operation does to a stake. */
    public enum Kind {
        /** Creates a stake: the amount leaves the spendable balance. */
        OPEN,
        /** Stops an active stake (Solana): it no longer earns, the funds stay in the stake account. */
        DEACTIVATE,
        /** Empties a deactivated stake (Solana): the funds come back. */
        WITHDRAW,
        /** Stops a stake and brings its funds back in one transaction. */
        CLOSE
    }

    /** Every name, for the request parser. */
    public static final Set<String> NAMES = Arrays.stream(values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Chain chain;
    private final TransactionType transactionType;
    private final Kind kind;

    StakeOperation(Chain chain, TransactionType transactionType, Kind kind) {
        this.chain = chain;
        this.transactionType = transactionType;
        this.kind = kind;
    }

    public Chain chain() {
        return chain;
    }

    /** The {@code Transaction.type} of the transactions it makes. */
    public TransactionType transactionType() {
        return transactionType;
    }

    public Kind kind() {
        return kind;
    }

    public static Optional<StakeOperation> of(String name) {
        return NAMES.contains(name) ? Optional.of(valueOf(name)) : Optional.empty();
    }

    /** The operation that made a transaction of this type on this chain, if one did. */
    public static Optional<StakeOperation> of(Chain chain, TransactionType type) {
        return Arrays.stream(values()).filter(op -> op.chain == chain && op.transactionType == type).findFirst();
    }
}
