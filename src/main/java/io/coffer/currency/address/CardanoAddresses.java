package io.coffer.currency.address;

import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Cardano mainnet addresses: Shelley Bech32 ({@code addr1...}, header types 0-7 on network 1) and
 * Byron Base58 (CBOR {@code [#6.24(bytes), crc32]} whose CRC32 must match). Derived addresses are
 * Shelley enterprise addresses (header 0x61) of the key's BLAKE2b-224 hash.
 */
public record CardanoAddresses() implements AddressFormat {

    private static final int MAINNET = 1;

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        if (address.startsWith("addr1")) {
            return shelley(address);
        }
        return byron(address);
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] payload = Hashes.concat(new byte[] {0x61}, Hashes.blake2b(publicKey, 28));
        return Bech32.encode("addr", Bech32.convertBits(payload, 8, 5, true).orElseThrow(), Bech32.Variant.BECH32);
    }

    private static boolean shelley(String address) {
        Optional<byte[]> payload = Bech32.decode(address, 200)
                .filter(decoded -> decoded.hrp().equals("addr") && decoded.variant() == Bech32.Variant.BECH32)
                .flatMap(decoded -> Bech32.convertBits(decoded.data(), 5, 8, false));
        if (payload.isEmpty() || payload.get().length < 1) {
            return false;
        }
        byte[] bytes = payload.get();
        int type = (bytes[0] & 0xff) >>> 4;
        int network = bytes[0] & 0x0f;
        if (network != MAINNET) {
            return false;
        }
        return switch (type) {
            case 0, 1, 2, 3 -> bytes.length == 57;
            case 4, 5 -> bytes.length > 29 && bytes.length <= 64;
            case 6, 7 -> bytes.length == 29;
            default -> false;
        };
    }

    /** Reads the outer CBOR of a Byron address: array(2) [tag 24 (bytes), uint crc32]. */
    private static boolean byron(String address) {
        Optional<byte[]> decoded = Base58.BITCOIN.decode(address);
        if (decoded.isEmpty()) {
            return false;
        }
        byte[] cbor = decoded.get();
        int position = 0;
        if (cbor.length < 10 || (cbor[position++] & 0xff) != 0x82) {
            return false;
        }
        if ((cbor[position++] & 0xff) != 0xd8 || (cbor[position++] & 0xff) != 0x18) {
            return false;
        }
        int head = cbor[position++] & 0xff;
        int length;
        if (head >= 0x40 && head <= 0x57) {
            length = head - 0x40;
        } else if (head == 0x58) {
            length = cbor[position++] & 0xff;
        } else if (head == 0x59 && position + 2 <= cbor.length) {
            length = ((cbor[position] & 0xff) << 8) | (cbor[position + 1] & 0xff);
            position += 2;
        } else {
            return false;
        }
        if (position + length > cbor.length) {
            return false;
        }
        CRC32 crc = new CRC32();
        crc.update(cbor, position, length);
        position += length;
        Optional<Long> stored = readUnsigned(cbor, position);
        return stored.isPresent() && stored.get() == crc.getValue();
    }

    private static Optional<Long> readUnsigned(byte[] cbor, int position) {
        if (position >= cbor.length) {
            return Optional.empty();
        }
        int head = cbor[position] & 0xff;
        int size = switch (head) {
            case 0x18 -> 1;
            case 0x19 -> 2;
            case 0x1a -> 4;
            default -> head <= 0x17 ? 0 : -1;
        };
        if (size < 0 || position + 1 + size != cbor.length) {
            return Optional.empty();
        }
        if (size == 0) {
            return Optional.of((long) head);
        }
        long value = 0;
        for (int i = 1; i <= size; i++) {
            value = (value << 8) | (cbor[position + i] & 0xff);
        }
        return Optional.of(value);
    }
}
