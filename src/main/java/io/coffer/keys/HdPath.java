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
