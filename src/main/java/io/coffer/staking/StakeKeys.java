package io.coffer.staking;

import io.coffer.common.Outcome;
import io.coffer.currency.Currency;
import io.coffer.currency.address.Bech32;
import io.coffer.keys.RandomChainData;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Who a new stake is delegated to (checked as the chain writes it) and the stake's own on-chain key,
 * made up for the simulation in the chain's format.
 */
final class StakeKeys {

    private static final String CARDANO_POOL = "pool1[023456789acdefghjklmnpqrstuvwxyz]{51}";
    private static final int MAX_VALIDATOR_LENGTH = 128;

    private final RandomChainData chainData;

    StakeKeys(RandomChainData chainData) {
        this.chainData = chainData;
    }

    /** The validator a new stake names, in the chain's format; Coffer runs Ethereum's itself. */
    static Outcome<String> validator(StakeOperation op, Optional<String> given, Currency currency) {
        if (op.chain() == Chain.ETHEREUM) {
            return given.isPresent()
                    ? Outcome.invalid("transaction_data.validator is not taken by " + op + ": Coffer runs the validator")
                    : Outcome.ok("coffer-validator");
        }
        if (given.isEmpty()) {
            return Outcome.invalid("transaction_data.validator is required by " + op);
        }
        String value = given.get();
        boolean valid = value.length() <= MAX_VALIDATOR_LENGTH && switch (op.chain()) {
            case SOLANA, TEZOS -> currency.addresses().isValid(value);
            case CARDANO -> value.matches(CARDANO_POOL);
            case ETHEREUM -> false;
        };
        return valid ? Outcome.ok(value) : Outcome.invalid("transaction_data.validator is not a valid "
                + op.chain().apiName() + (op.chain() == Chain.CARDANO ? " pool id (pool1...)" : " address"));
    }

    /** The stake's own on-chain key: a new Solana stake account, an Ethereum validator key, a Cardano stake address. */
    String stakeAddress(Chain chain, Currency currency, String validator) {
        return switch (chain) {
            case SOLANA -> chainData.address(currency);
            case ETHEREUM -> "0x" + chainData.transactionHash(currency).substring(2) + chainData.transactionHash(currency)
                    .substring(2, 34);
            case TEZOS -> validator;
            case CARDANO -> {
                // A mainnet stake address: header 0xE1 and a 28-byte key hash, in bech32 under "stake".
                byte[] key = HexFormat.of().parseHex(chainData.transactionHash(currency).substring(0, 58));
                key[0] = (byte) 0xE1;
                yield Bech32.encode("stake", Bech32.convertBits(key, 8, 5, true).orElseThrow(), Bech32.Variant.BECH32);
            }
        };
    }
}
