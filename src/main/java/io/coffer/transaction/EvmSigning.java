package io.coffer.transaction;

import java.math.BigInteger;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * Builds and signs EIP-1559 (type 2) transactions with web3j: a value transfer, or an ERC-20
 * {@code transfer(to, amount)} call on the token contract.
 */
final class EvmSigning {

    /** A signed transaction: its raw bytes (hex) and hash. */
    record Signed(String rawHex, String hash) {
    }

    private EvmSigning() {
    }

    static Signed sign(byte[] privateKey, long chainId, long nonce, FeePlan.Evm fees, String recipient, BigInteger amount,
                       java.util.Optional<String> tokenContract) {
        String to = tokenContract.orElse(recipient);
        BigInteger value = tokenContract.isPresent() ? BigInteger.ZERO : amount;
        String data = tokenContract.map(contract -> FunctionEncoder.encode(new Function("transfer",
                java.util.List.of(new Address(recipient), new Uint256(amount)), java.util.List.of()))).orElse("");
        RawTransaction raw = RawTransaction.createTransaction(chainId, BigInteger.valueOf(nonce), fees.gasLimit(), to,
                value, data, fees.priorityFeePerGas(), fees.maxFeePerGas());
        byte[] signed = TransactionEncoder.signMessage(raw, Credentials.create(ECKeyPair.create(privateKey)));
        return new Signed(Numeric.toHexString(signed), Numeric.toHexString(Hash.sha3(signed)));
    }
}
