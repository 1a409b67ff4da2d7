package io.coffer.currency.address;

import com.google.common.io.BaseEncoding;

/**
 * Stellar account ids (StrKey {@code G...}): Base32 of a version byte, the Ed25519 key and a
 * CRC16-XModem checksum, little-endian.
 */
public record StellarAddresses() implements AddressFormat {

    private static final int ACCOUNT_VERSION = 6 << 3;
    private static final BaseEncoding BASE32 = BaseEncoding.base32().omitPadding();

    @Override
    public KeyCurve curve() {
        return KeyCurve.ED25519;
    }

    @Override
    public boolean isValid(String address) {
        if (address.length() != 56 || !address.startsWith("G") || !BASE32.canDecode(address)) {
            return false;
        }
        byte[] raw = BASE32.decode(address);
        if (raw.length != 35 || (raw[0] & 0xff) != ACCOUNT_VERSION) {
            return false;
        }
        int checksum = crc16(raw, 33);
        return (raw[33] & 0xff) == (checksum & 0xff) && (raw[34] & 0xff) == (checksum >>> 8);
    }

    @Override
    public String fromPublicKey(byte[] publicKey) {
        byte[] raw = new byte[35];
        raw[0] = (byte) ACCOUNT_VERSION;
        System.arraycopy(publicKey, 0, raw, 1, 32);
        int checksum = crc16(raw, 33);
        raw[33] = (byte) checksum;
        raw[34] = (byte) (checksum >>> 8);
        return BASE32.encode(raw);
    }

    /** CRC16-XModem (polynomial 0x1021, initial value 0). */
    private static int crc16(byte[] data, int length) {
        int crc = 0;
        for (int i = 0; i < length; i++) {
            crc ^= (data[i] & 0xff) << 8;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
            }
        }
        return crc & 0xffff;
    }
}
