package io.coffer.transaction;

import io.coffer.common.Amount;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fee parameters of an outgoing transaction, fixed when it is requested: the most it may cost
 * (reserved) and what it will cost once mined.
 */
public sealed interface FeePlan {

    /** The most the transaction may pay in fees. */
    Amount maxFee();

    /** What the transaction pays once mined; never more than {@link #maxFee()}. */
    Amount actualFee();

    /**
     * EIP-1559 fees: at most {@code gasLimit × maxFeePerGas}; mined, {@code gasUsed × (baseFee +
     * priorityFee)}.
     */
    record Evm(BigInteger gasLimit, BigInteger maxFeePerGas, BigInteger priorityFeePerGas, BigInteger baseFeePerGas,
               BigInteger gasUsed) implements FeePlan {
        @Override
        public Amount maxFee() {
            return new Amount(gasLimit.multiply(maxFeePerGas));
        }

        @Override
        public Amount actualFee() {
            return new Amount(gasUsed.multiply(baseFeePerGas.add(priorityFeePerGas)));
        }
    }

    /**
     * Bitcoin-like fees: a rate per virtual byte times the transaction's virtual size; {@code fee} is
     * that product, plus any leftover too small to be worth a change output.
     */
    record Utxo(BigInteger feePerVbyte, int vsize, BigInteger fee) implements FeePlan {

        public Utxo {
            if (fee.compareTo(feePerVbyte.multiply(BigInteger.valueOf(vsize))) < 0) {
                throw new IllegalArgumentException("fee below rate times size");
            }
        }

        @Override
        public Amount maxFee() {
            return new Amount(fee);
        }

        @Override
        public Amount actualFee() {
            return maxFee();
        }
    }

    /** A compact text form for storage, read back by {@link #parse}. */
    default String format() {
        Map<String, String> fields = new LinkedHashMap<>();
        switch (this) {
            case Evm evm -> {
                fields.put("kind", "evm");
                fields.put("gas_limit", evm.gasLimit().toString());
                fields.put("max_fee_per_gas", evm.maxFeePerGas().toString());
                fields.put("priority_fee_per_gas", evm.priorityFeePerGas().toString());
                fields.put("base_fee_per_gas", evm.baseFeePerGas().toString());
                fields.put("gas_used", evm.gasUsed().toString());
            }
            case Utxo utxo -> {
                fields.put("kind", "utxo");
                fields.put("fee_per_vbyte", utxo.feePerVbyte().toString());
                fields.put("vsize", Integer.toString(utxo.vsize()));
                fields.put("fee", utxo.fee().toString());
            }
        }
        StringBuilder out = new StringBuilder();
        fields.forEach((key, value) -> out.append(out.isEmpty() ? "" : ";").append(key).append('=').append(value));
        return out.toString();
    }

    static FeePlan parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(";")) {
            int equals = part.indexOf('=');
            fields.put(part.substring(0, equals), part.substring(equals + 1));
        }
        return switch (fields.get("kind")) {
            case "evm" -> new Evm(new BigInteger(fields.get("gas_limit")), new BigInteger(fields.get("max_fee_per_gas")),
                    new BigInteger(fields.get("priority_fee_per_gas")), new BigInteger(fields.get("base_fee_per_gas")),
                    new BigInteger(fields.get("gas_used")));
            case "utxo" -> new Utxo(new BigInteger(fields.get("fee_per_vbyte")), Integer.parseInt(fields.get("vsize")),
                    new BigInteger(fields.get("fee")));
            default -> throw new IllegalStateException("unknown fee plan " + text);
        };
    }
}
