package io.coffer.signing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Hash;

/**
 * EIP-712 typed structured data, checked and hashed: {@code keccak256(0x1901 || domainSeparator ||
 * hashStruct(message))}. The input is a plain tree (maps, lists, strings, {@code BigInteger}s,
 * booleans) read from the client's JSON; every problem names the field it is about.
 */
public final class Eip712 {

    /** At most this many struct types in {@code types}. */
    public static final int MAX_TYPES = 64;
    /** At most this many fields in one struct type. */
    public static final int MAX_FIELDS = 64;
    /** Structs and arrays nest at most this deep in a value. */
    public static final int MAX_DEPTH = 16;
    /** At most this many values (leaves, structs and arrays) are encoded in one message. */
    public static final int MAX_VALUES = 4096;

    private static final String DOMAIN = "EIP712Domain";
    private static final Map<String, String> DOMAIN_FIELDS = Map.of("name", "string", "version", "string",
            "chainId", "uint256", "verifyingContract", "address", "salt", "bytes32");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]{0,63}");
    private static final Pattern ARRAY = Pattern.compile("(.+)\\[(\\d*)]");
    private static final Pattern INTEGER = Pattern.compile("(u?)int(\\d{0,3})");
    private static final Pattern FIXED_BYTES = Pattern.compile("bytes(\\d{1,2})");
    private static final Pattern HEX = Pattern.compile("0x([0-9a-fA-F]{2})*");
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    /** A checked typed-data message: the hash to sign, and the chain id its domain names (if any). */
    public record Hashed(byte[] hash, Optional<BigInteger> chainId) {
    }

    /** A struct field as declared. */
    private record Field(String name, String type) {
    }

    /** A problem with the input, naming the field (caught and answered as a 400). */
    private static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, List<Field>> types;
    /** Each struct's type hash, computed once per message (a type may be hashed thousands of times). */
    private final Map<String, byte[]> typeHashes = new java.util.HashMap<>();
    private final String prefix;
    private int values;

    private Eip712(Map<String, List<Field>> types, String prefix) {
        this.types = types;
        this.prefix = prefix;
    }

    /**
     * Checks typed data and computes the hash to sign.
     *
     * @param prefix where the typed data sits in the request body, for messages (e.g. {@code data.message_data.raw_message})
     */
    public static io.coffer.common.Outcome<Hashed> hash(Object typedData, String prefix) {
        try {
            Map<String, Object> root = object(typedData, prefix);
            Map<String, List<Field>> types = types(root.get("types"), prefix + ".types");
            Object primary = root.get("primaryType");
            if (!(primary instanceof String primaryType)) {
                throw new Invalid("field '" + prefix + ".primaryType' is required and must be a string");
            }
            if (!types.containsKey(primaryType) || primaryType.equals(DOMAIN)) {
                throw new Invalid("field '" + prefix + ".primaryType' names " + primaryType
                        + ", which is not a struct type of field '" + prefix + ".types'");
            }
            if (!types.containsKey(DOMAIN)) {
                throw new Invalid("field '" + prefix + ".types." + DOMAIN + "' is required");
            }
            for (Field field : types.get(DOMAIN)) {
                String expected = DOMAIN_FIELDS.get(field.name());
                if (expected == null || !expected.equals(field.type())) {
                    throw new Invalid("field '" + prefix + ".types." + DOMAIN + "' declares " + field.name() + " " + field.type()
                            + "; a domain has only name string, version string, chainId uint256,"
                            + " verifyingContract address and salt bytes32");
                }
            }
            Eip712 encoder = new Eip712(types, prefix);
            if (!root.containsKey("domain")) {
                throw new Invalid("field '" + prefix + ".domain' is required");
            }
            if (!root.containsKey("message")) {
                throw new Invalid("field '" + prefix + ".message' is required");
            }
            for (String key : root.keySet()) {
                if (!Set.of("types", "primaryType", "domain", "message").contains(key)) {
                    throw new Invalid("field '" + prefix + "." + key + "' is not part of EIP-712 typed data");
                }
            }
            byte[] domainSeparator = encoder.hashStruct(DOMAIN, root.get("domain"), prefix + ".domain", 0);
            byte[] message = encoder.hashStruct(primaryType, root.get("message"), prefix + ".message", 0);
            byte[] all = new byte[66];
            all[0] = 0x19;
            all[1] = 0x01;
            System.arraycopy(domainSeparator, 0, all, 2, 32);
            System.arraycopy(message, 0, all, 34, 32);
            Object chainId = object(root.get("domain"), prefix + ".domain").get("chainId");
            Optional<BigInteger> chain = chainId == null ? Optional.empty()
                    : Optional.of(encoder.integer(chainId, 256, false, prefix + ".domain.chainId"));
            return io.coffer.common.Outcome.ok(new Hashed(Hash.sha3(all), chain));
        } catch (Invalid invalid) {
            return io.coffer.common.Outcome.invalid(invalid.getMessage());
        }
    }

    /** {@code encodeType} of a struct: its own signature, then the structs it uses, sorted by name. */
    private String encodeType(String name) {
        Set<String> dependencies = new TreeSet<>();
        collect(name, dependencies);
        dependencies.remove(name);
        StringBuilder out = new StringBuilder(signature(name));
        dependencies.forEach(dependency -> out.append(signature(dependency)));
        return out.toString();
    }

    private String signature(String name) {
        StringBuilder out = new StringBuilder(name).append('(');
        List<Field> fields = types.get(name);
        for (int i = 0; i < fields.size(); i++) {
            out.append(i == 0 ? "" : ",").append(fields.get(i).type()).append(' ').append(fields.get(i).name());
        }
        return out.append(')').toString();
    }

    private void collect(String name, Set<String> found) {
        if (!found.add(name)) {
            return;
        }
        for (Field field : types.get(name)) {
            String base = baseType(field.type());
            if (types.containsKey(base)) {
                collect(base, found);
            }
        }
    }

    private byte[] hashStruct(String type, Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw new Invalid("field '" + path + "' nests deeper than " + MAX_DEPTH + " levels");
        }
        Map<String, Object> object = object(value, path);
        List<Field> fields = types.get(type);
        Set<String> declared = new HashSet<>();
        fields.forEach(field -> declared.add(field.name()));
        for (String key : object.keySet()) {
            if (!declared.contains(key)) {
                throw new Invalid("field '" + path + "." + key + "' is not declared by type " + type);
            }
        }
        byte[] out = new byte[32 * (fields.size() + 1)];
        byte[] typeHash = typeHashes.computeIfAbsent(type, name -> Hash.sha3(encodeType(name).getBytes(StandardCharsets.UTF_8)));
        System.arraycopy(typeHash, 0, out, 0, 32);
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            if (!object.containsKey(field.name())) {
                throw new Invalid("field '" + path + "." + field.name() + "' of type " + field.type() + " is missing");
            }
            byte[] encoded = encode(field.type(), object.get(field.name()), path + "." + field.name(), depth + 1);
            System.arraycopy(encoded, 0, out, 32 * (i + 1), 32);
        }
        return Hash.sha3(out);
    }

    /** The 32-byte encoding of one value of a type. */
    private byte[] encode(String type, Object value, String path, int depth) {
        if (++values > MAX_VALUES) {
            throw new Invalid("field '" + prefix + ".message' has more than " + MAX_VALUES + " values");
        }
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            if (depth > MAX_DEPTH) {
                throw new Invalid("field '" + path + "' nests deeper than " + MAX_DEPTH + " levels");
            }
            if (!(value instanceof List<?> items)) {
                throw new Invalid("field '" + path + "' must be an array (" + type + ")");
            }
            if (!array.group(2).isEmpty() && items.size() != Integer.parseInt(array.group(2))) {
                throw new Invalid("field '" + path + "' must have " + array.group(2) + " items (" + type + ")");
            }
            byte[] all = new byte[32 * items.size()];
            for (int i = 0; i < items.size(); i++) {
                System.arraycopy(encode(array.group(1), items.get(i), path + "[" + i + "]", depth + 1), 0, all, 32 * i, 32);
            }
            return Hash.sha3(all);
        }
        if (types.containsKey(type)) {
            return hashStruct(type, value, path, depth);
        }
        if (type.equals("string")) {
            if (!(value instanceof String text)) {
                throw new Invalid("field '" + path + "' must be a string");
            }
            return Hash.sha3(text.getBytes(StandardCharsets.UTF_8));
        }
        if (type.equals("bytes")) {
            return Hash.sha3(hex(value, path, -1));
        }
        if (type.equals("bool")) {
            if (!(value instanceof Boolean flag)) {
                throw new Invalid("field '" + path + "' must be true or false");
            }
            return word(flag ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (type.equals("address")) {
            if (!(value instanceof String text) || !ADDRESS.matcher(text).matches()) {
                throw new Invalid("field '" + path + "' must be an address: 0x and 40 hex digits");
            }
            return word(new BigInteger(text.substring(2), 16));
        }
        Matcher fixed = FIXED_BYTES.matcher(type);
        if (fixed.matches()) {
            int size = Integer.parseInt(fixed.group(1));
            byte[] bytes = hex(value, path, size);
            byte[] out = new byte[32];
            System.arraycopy(bytes, 0, out, 0, bytes.length);
            return out;
        }
        Matcher integer = INTEGER.matcher(type);
        if (integer.matches()) {
            int bits = integer.group(2).isEmpty() ? 256 : Integer.parseInt(integer.group(2));
            return word(integer(value, bits, integer.group(1).isEmpty(), path));
        }
        throw new Invalid("field '" + path + "' has unknown type " + type);
    }

    private BigInteger integer(Object value, int bits, boolean signed, String path) {
        BigInteger number;
        if (value instanceof BigInteger big) {
            number = big;
        } else if (value instanceof String text && text.matches("0x[0-9a-fA-F]{1,64}")) {
            number = new BigInteger(text.substring(2), 16);
        } else if (value instanceof String text && text.matches("-?[0-9]{1,78}")) {
            number = new BigInteger(text);
        } else {
            throw new Invalid("field '" + path + "' must be an integer (a JSON number, a decimal string or 0x hex)");
        }
        BigInteger min = signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO;
        BigInteger max = signed ? BigInteger.ONE.shiftLeft(bits - 1) : BigInteger.ONE.shiftLeft(bits);
        if (number.compareTo(min) < 0 || number.compareTo(max) >= 0) {
            throw new Invalid("field '" + path + "' is out of range for " + (signed ? "int" : "uint") + bits);
        }
        return number;
    }

    private static byte[] hex(Object value, String path, int size) {
        if (!(value instanceof String text) || !HEX.matcher(text).matches()) {
            throw new Invalid("field '" + path + "' must be 0x-prefixed hex bytes");
        }
        byte[] bytes = HexFormat.of().parseHex(text.substring(2));
        if (size >= 0 && bytes.length != size) {
            throw new Invalid("field '" + path + "' must be " + size + " bytes");
        }
        return bytes;
    }

    /** A number as a 32-byte big-endian two's-complement word. */
    private static byte[] word(BigInteger value) {
        BigInteger unsigned = value.signum() < 0 ? value.add(BigInteger.ONE.shiftLeft(256)) : value;
        byte[] raw = unsigned.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - length, out, 32 - length, length);
        return out;
    }

    private static Map<String, List<Field>> types(Object value, String path) {
        if (value == null) {
            throw new Invalid("field '" + path + "' is required");
        }
        Map<String, Object> declared = object(value, path);
        if (declared.size() > MAX_TYPES) {
            throw new Invalid("field '" + path + "' declares more than " + MAX_TYPES + " types");
        }
        Map<String, List<Field>> types = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : declared.entrySet()) {
            String typePath = path + "." + entry.getKey();
            if (!IDENTIFIER.matcher(entry.getKey()).matches()) {
                throw new Invalid("field '" + typePath + "': a type name is an identifier of at most 64 characters");
            }
            if (!(entry.getValue() instanceof List<?> list)) {
                throw new Invalid("field '" + typePath + "' must be an array of {name, type}");
            }
            if (list.size() > MAX_FIELDS) {
                throw new Invalid("field '" + typePath + "' declares more than " + MAX_FIELDS + " fields");
            }
            List<Field> fields = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Map<String, Object> field = object(list.get(i), typePath + "[" + i + "]");
                if (!(field.get("name") instanceof String name) || !IDENTIFIER.matcher(name).matches()) {
                    throw new Invalid("field '" + typePath + "[" + i + "].name' must be an identifier");
                }
                if (!(field.get("type") instanceof String type) || type.length() > 200) {
                    throw new Invalid("field '" + typePath + "[" + i + "].type' must be a type name");
                }
                if (!names.add(name)) {
                    throw new Invalid("field '" + typePath + "' declares " + name + " twice");
                }
                fields.add(new Field(name, type));
            }
            types.put(entry.getKey(), fields);
        }
        for (Map.Entry<String, List<Field>> entry : types.entrySet()) {
            for (int i = 0; i < entry.getValue().size(); i++) {
                String type = entry.getValue().get(i).type();
                if (!known(type, types)) {
                    throw new Invalid("field '" + path + "." + entry.getKey() + "[" + i + "].type' names an unknown type "
                            + type);
                }
            }
        }
        return types;
    }

    private static boolean known(String type, Map<String, List<Field>> types) {
        Matcher array = ARRAY.matcher(type);
        if (array.matches()) {
            return (array.group(2).isEmpty() || array.group(2).length() <= 4) && known(array.group(1), types);
        }
        if (types.containsKey(type) || Set.of("string", "bytes", "bool", "address").contains(type)) {
            return true;
        }
        Matcher fixed = FIXED_BYTES.matcher(type);
        if (fixed.matches()) {
            int size = Integer.parseInt(fixed.group(1));
            return size >= 1 && size <= 32;
        }
        Matcher integer = INTEGER.matcher(type);
        if (integer.matches()) {
            int bits = integer.group(2).isEmpty() ? 256 : Integer.parseInt(integer.group(2));
            return bits >= 8 && bits <= 256 && bits % 8 == 0;
        }
        return false;
    }

    private static String baseType(String type) {
        String base = type;
        Matcher array = ARRAY.matcher(base);
        while (array.matches()) {
            base = array.group(1);
            array = ARRAY.matcher(base);
        }
        return base;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new Invalid("field '" + path + "' must be an object");
        }
        return (Map<String, Object>) map;
    }
}
