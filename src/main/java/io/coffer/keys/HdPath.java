package io.coffer.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A BIP32 derivation path, written as the API writes it: without {@code m/}, hardened steps
 * marked with {@code '} (e.g. {@code 44'/0'/0'}).
 */
public record HdPath(List<Integer> steps, List<Boolean> hardened) {

    public HdPath {
        steps = List.copyOf(steps);
        hardened = List.copyOf(hardened);
        if (steps.size() != hardened.size()) {
            throw new IllegalArgumentException("steps and hardened flags differ in length");
        }
    }

    public static HdPath hardened(int... steps) {
        List<Integer> values = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        for (int step : steps) {
            values.add(step);
            flags.add(true);
        }
        return new HdPath(values, flags);
    }

    /** At most this many steps in a path read from a client. */
    public static final int MAX_DEPTH = 10;

    /**
     * Reads a path as clients write it: {@code 44'/60'/0'/0/0}, optionally starting with {@code m/}
     * or {@code m}, hardened steps marked {@code '} or {@code h}; empty when it is not one.
     */
    public static java.util.Optional<HdPath> parse(String text) {
        String rest = text.startsWith("m/") ? text.substring(2) : text.startsWith("m") ? text.substring(1) : text;
        if (rest.isEmpty() || rest.length() > 200) {
            return java.util.Optional.empty();
        }
        String[] parts = rest.split("/", -1);
        if (parts.length > MAX_DEPTH) {
            return java.util.Optional.empty();
        }
        List<Integer> values = new ArrayList<>();
        List<Boolean> flags = new ArrayList<>();
        for (String part : parts) {
            boolean isHardened = part.endsWith("'") || part.endsWith("h");
            String digits = isHardened ? part.substring(0, part.length() - 1) : part;
            if (!digits.matches("[0-9]{1,10}")) {
                return java.util.Optional.empty();
            }
            long value = Long.parseLong(digits);
            if (value >= 0x80000000L) {
                return java.util.Optional.empty();
            }
            values.add((int) value);
            flags.add(isHardened);
        }
        return java.util.Optional.of(new HdPath(values, flags));
    }

    /** Whether this path is {@code ancestor} or lies below it. */
    public boolean within(HdPath ancestor) {
        return steps.size() >= ancestor.steps.size() && steps.subList(0, ancestor.steps.size()).equals(ancestor.steps)
                && hardened.subList(0, ancestor.hardened.size()).equals(ancestor.hardened);
    }

    public HdPath child(int step, boolean isHardened) {
        List<Integer> values = new ArrayList<>(steps);
        List<Boolean> flags = new ArrayList<>(hardened);
        values.add(step);
        flags.add(isHardened);
        return new HdPath(values, flags);
    }

    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            parts.add(steps.get(i) + (hardened.get(i) ? "'" : ""));
        }
        return parts.stream().collect(Collectors.joining("/"));
    }
}
