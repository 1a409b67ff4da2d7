package io.coffer.currency.address;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Substrate SS58 addresses with a one-byte network prefix (0 for Polkadot, 42 for Westend): Base58
 * of prefix, 32-byte account id and the first two bytes of BLAKE2b-512("SS58PRE" ‖ prefix ‖ id).
 */
public record PolkadotAddresses(int prefix) implements AddressFormat {

    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    public PolkadotAddresses {
        if (prefix < 0 || prefix > 63) {
            throw new IllegalArgumentException("only one-byte SS58 prefixes are supported: " + prefix);
        }
    }

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        return Base58.BITCOIN.decode(address)
                .filter(raw -> raw.length == 35 && (raw[0] & 0xff) == prefix)
                .filter(raw -> Arrays.equals(Arrays.copyOfRange(raw, 33, 35), checksum(Arrays.copyOf(raw, 33))))
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] body = Hashes.concat(new byte[] {(byte) prefix}, publicKey);
        return Base58.BITCOIN.encode(Hashes.concat(body, checksum(body)));
    }

    private static byte[] checksum(byte[] body) {
        return Arrays.copyOf(Hashes.blake2b(Hashes.concat(CONTEXT, body), 64), 2);
    }
}
