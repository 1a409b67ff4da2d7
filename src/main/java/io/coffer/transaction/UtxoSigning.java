package io.coffer.transaction;

import io.coffer.currency.address.BitcoinAddresses;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.List;
import org.bitcoinj.base.Coin;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.core.Transaction;
import org.bitcoinj.core.TransactionInput;
import org.bitcoinj.core.TransactionWitness;
import org.bitcoinj.crypto.ECKey;
import org.bitcoinj.crypto.TransactionSignature;
import org.bitcoinj.script.Script;
import org.bitcoinj.script.ScriptBuilder;

/**
 * Builds and signs segwit transactions with bitcoinj: inputs are the account's P2WPKH outputs,
 * signed per BIP-143; outputs pay the recipient (any address type of the network) and, when there is
 * change, a fresh change address of the account.
 */
final class UtxoSigning {

    /** An input to spend: the output and the private key of its address. */
    record Input(Utxo utxo, byte[] privateKey) {
    }

    /** A signed transaction: its raw bytes (hex), txid and virtual size. */
    record Signed(String rawHex, String txid, int vsize) {
    }

    /** Virtual bytes of a transaction's overhead, of a P2WPKH input, and of outputs by type. */
    static final int OVERHEAD_VBYTES = 11;
    static final int P2WPKH_INPUT_VBYTES = 68;
    static final int P2WPKH_OUTPUT_VBYTES = 31;

    private UtxoSigning() {
    }

    static int outputVbytes(BitcoinAddresses.Target target) {
        return switch (target) {
            case BitcoinAddresses.Target.PubKeyHash pkh -> 34;
            case BitcoinAddresses.Target.ScriptHash sh -> 32;
            case BitcoinAddresses.Target.Witness w -> 9 + 2 + w.program().length;
        };
    }

    static int estimateVsize(int inputs, BitcoinAddresses.Target recipient, boolean change) {
        return OVERHEAD_VBYTES + inputs * P2WPKH_INPUT_VBYTES + outputVbytes(recipient) + (change ? P2WPKH_OUTPUT_VBYTES : 0);
    }

    static Signed sign(List<Input> inputs, BitcoinAddresses.Target recipient, BigInteger amount,
                       java.util.Optional<BitcoinAddresses.Target> changeTarget, BigInteger change) {
        Transaction tx = new Transaction();
        for (Input input : inputs) {
            tx.addInput(Sha256Hash.wrap(input.utxo().txHash()), input.utxo().outputIndex(), Script.parse(new byte[0]));
        }
        tx.addOutput(Coin.valueOf(amount.longValueExact()), script(recipient));
        changeTarget.ifPresent(target -> tx.addOutput(Coin.valueOf(change.longValueExact()), script(target)));
        for (int i = 0; i < inputs.size(); i++) {
            ECKey key = ECKey.fromPrivate(inputs.get(i).privateKey());
            Coin value = Coin.valueOf(inputs.get(i).utxo().amount().value().longValueExact());
            TransactionSignature signature = tx.calculateWitnessSignature(i, key, ScriptBuilder.createP2PKHOutputScript(key),
                    value, Transaction.SigHash.ALL, false);
            TransactionInput input = tx.getInput(i);
            tx.replaceInput(i, input.withWitness(TransactionWitness.redeemP2WPKH(signature, key)));
        }
        return new Signed(HexFormat.of().formatHex(tx.serialize()), tx.getTxId().toString(), tx.getVsize());
    }

    static Script script(BitcoinAddresses.Target target) {
        return switch (target) {
            case BitcoinAddresses.Target.PubKeyHash pkh -> ScriptBuilder.createP2PKHOutputScript(pkh.hash());
            case BitcoinAddresses.Target.ScriptHash sh -> ScriptBuilder.createP2SHOutputScript(sh.hash());
            case BitcoinAddresses.Target.Witness w -> new ScriptBuilder().smallNum(w.version()).data(w.program()).build();
        };
    }
}
