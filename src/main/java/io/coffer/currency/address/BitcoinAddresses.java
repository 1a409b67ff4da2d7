package io.coffer.currency.address;

import java.util.List;
import java.util.Optional;

/**
 * Bitcoin-family addresses: Base58Check P2PKH/P2SH with the network's version bytes, and, where
 * the network has segwit, Bech32 (witness v0) and Bech32m (v1+) with its human-readable part.
 * Derived addresses are native segwit P2WPKH where available, P2PKH otherwise.
 *
 * @param p2pkh the P2PKH version byte
 * @param p2sh the P2SH version bytes (some networks changed theirs and still accept the old)
 * @param hrp the segwit human-readable part, or empty for networks without segwit
 */
public record BitcoinAddresses(int p2pkh, List<Integer> p2sh, Optional<String> hrp) implements AddressFormat {

    @Override
    public KeyCurve curve() {
        return KeyCurve.SECP256K1;
    }

    @Override
    public boolean isValid(String address) {
        // Legacy addresses may also begin with the HRP and '1' (e.g. litecoin's "LTc1..."), so a
        // string that is not valid segwit still gets the Base58Check reading.
        if (hrp.isPresent() && address.toLowerCase(java.util.Locale.ROOT).startsWith(hrp.get() + "1")
                && Segwit.isValid(hrp.get(), address)) {
            return true;
        }
        return Base58.BITCOIN.decodeChecked(address)
                .filter(payload -> payload.length == 21)
                .map(payload -> payload[0] & 0xff)
                .filter(version -> version == p2pkh || p2sh.contains(version))
                .isPresent();
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] hash = Hashes.hash160(publicKey);
        if (hrp.isPresent()) {
            return Segwit.encode(hrp.get(), 0, hash);
        }
        return Base58.BITCOIN.encodeChecked(Hashes.concat(new byte[] {(byte) p2pkh}, hash));
    }

    /** What an output pays to, as its locking script needs it. */
    public sealed interface Target {
        /** P2PKH: a public key hash. */
        record PubKeyHash(byte[] hash) implements Target {
        }

        /** P2SH: a script hash. */
        record ScriptHash(byte[] hash) implements Target {
        }

        /** A segwit program of a witness version (0 for P2WPKH/P2WSH, 1 for taproot). */
        record Witness(int version, byte[] program) implements Target {
        }
    }

    /** Decodes a valid address of this network into what an output must lock to. */
    public java.util.Optional<Target> target(String address) {
        if (!isValid(address)) {
            return java.util.Optional.empty();
        }
        if (hrp.isPresent() && address.toLowerCase(java.util.Locale.ROOT).startsWith(hrp.get() + "1")) {
            Optional<Bech32.Decoded> decoded = Bech32.decode(address, 90);
            if (decoded.isPresent()) {
                byte[] data = decoded.get().data();
                byte[] program = Bech32.convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false)
                        .orElseThrow();
                return java.util.Optional.of(new Target.Witness(data[0], program));
            }
        }
        byte[] payload = Base58.BITCOIN.decodeChecked(address).orElseThrow();
        byte[] hash = java.util.Arrays.copyOfRange(payload, 1, 21);
        return java.util.Optional.of((payload[0] & 0xff) == p2pkh ? new Target.PubKeyHash(hash) : new Target.ScriptHash(hash));
    }

    /** Segwit address rules (BIP-173, BIP-350). */
    static final class Segwit {

        private Segwit() {
        }

        static String encode(String hrp, int version, byte[] program) {
            byte[] data = Hashes.concat(new byte[] {(byte) version}, Bech32.convertBits(program, 8, 5, true).orElseThrow());
            return Bech32.encode(hrp, data, version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M);
        }

        static boolean isValid(String hrp, String address) {
            Optional<Bech32.Decoded> decoded = Bech32.decode(address, 90).filter(d -> d.hrp().equals(hrp));
            if (decoded.isEmpty() || decoded.get().data().length < 1) {
                return false;
            }
            byte[] data = decoded.get().data();
            int version = data[0];
            if (version > 16) {
                return false;
            }
            Bech32.Variant expected = version == 0 ? Bech32.Variant.BECH32 : Bech32.Variant.BECH32M;
            if (decoded.get().variant() != expected) {
                return false;
            }
            Optional<byte[]> program = Bech32.convertBits(java.util.Arrays.copyOfRange(data, 1, data.length), 5, 8, false);
            if (program.isEmpty() || program.get().length < 2 || program.get().length > 40) {
                return false;
            }
            return version != 0 || program.get().length == 20 || program.get().length == 32;
        }
    }
}
