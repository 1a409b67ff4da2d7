package io.coffer.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A strict reader of Prometheus' text exposition format 0.0.4, for tests: every line must follow the
 * grammar, every sample belong to a family declared by one {@code # TYPE} before it, a family's lines
 * come as one group, and histograms have cumulative buckets ending in {@code +Inf} equal to their count.
 */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {
        String label(String key) {
            return labels.get(key);
        }
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "summary", "untyped");

    private final List<Sample> samples = new ArrayList<>();
    private final Map<String, String> types = new HashMap<>();

    private PrometheusText() {
    }

    /** Parses a whole exposition; throws {@link AssertionError} naming the line that breaks the format. */
    static PrometheusText parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("the exposition must end with a line feed");
        }
        PrometheusText parsed = new PrometheusText();
        Set<String> finishedFamilies = new HashSet<>();
        String currentFamily = null;
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            try {
                if (line.startsWith("#")) {
                    String[] parts = line.split(" ", 4);
                    if (parts.length >= 3 && (parts[1].equals("HELP") || parts[1].equals("TYPE"))) {
                        require(METRIC_NAME.matcher(parts[2]).matches(), "bad metric name " + parts[2]);
                        if (parts[1].equals("TYPE")) {
                            require(parts.length == 4 && TYPES.contains(parts[3]), "bad type");
                            require(parsed.types.put(parts[2], parts[3]) == null, "second TYPE for " + parts[2]);
                            require(!finishedFamilies.contains(parts[2]), "TYPE after the samples of " + parts[2]);
                        }
                    }
                    continue;
                }
                Sample sample = sample(line);
                String family = parsed.family(sample.name());
                require(family != null, "no TYPE declared before sample " + sample.name());
                if (!family.equals(currentFamily)) {
                    require(finishedFamilies.add(family), "the lines of " + family + " are not one group");
                    currentFamily = family;
                }
                parsed.samples.add(sample);
            } catch (RuntimeException | AssertionError e) {
                throw new AssertionError("line " + number + " breaks the text format (" + e.getMessage() + "): " + line);
            }
        }
        parsed.checkHistograms();
        return parsed;
    }

    List<Sample> samples() {
        return samples;
    }

    /** The samples with this exact name. */
    List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of the one sample with this name and these labels (among others), or 0 when none. */
    double value(String name, Map<String, String> labels) {
        List<Sample> matching = samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .toList();
        if (matching.size() > 1) {
            throw new AssertionError(matching.size() + " samples of " + name + " match " + labels);
        }
        return matching.isEmpty() ? 0 : matching.getFirst().value();
    }

    String type(String family) {
        return types.get(family);
    }

    private String family(String sampleName) {
        if (types.containsKey(sampleName)) {
            return sampleName;
        }
        for (String suffix : List.of("_bucket", "_count", "_sum")) {
            if (sampleName.endsWith(suffix)) {
                String base = sampleName.substring(0, sampleName.length() - suffix.length());
                String type = types.get(base);
                if ("histogram".equals(type) || ("summary".equals(type) && !suffix.equals("_bucket"))) {
                    return base;
                }
            }
        }
        return null;
    }

    private void checkHistograms() {
        types.forEach((family, type) -> {
            if (!type.equals("histogram")) {
                return;
            }
            Map<Map<String, String>, List<Sample>> buckets = new LinkedHashMap<>();
            for (Sample s : named(family + "_bucket")) {
                Map<String, String> series = new HashMap<>(s.labels());
                require(series.remove("le") != null, family + "_bucket without le");
                buckets.computeIfAbsent(series, k -> new ArrayList<>()).add(s);
            }
            buckets.forEach((series, list) -> {
                double previousBound = Double.NEGATIVE_INFINITY;
                double previousCount = 0;
                for (Sample bucket : list) {
                    double bound = number(bucket.label("le"));
                    require(bound > previousBound, family + " buckets out of order");
                    require(bucket.value() >= previousCount, family + " buckets are not cumulative");
                    previousBound = bound;
                    previousCount = bucket.value();
                }
                require(previousBound == Double.POSITIVE_INFINITY, family + " has no +Inf bucket");
                require(previousCount == value(family + "_count", series), family + "'s +Inf bucket differs from its count");
            });
        });
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        require(METRIC_NAME.matcher(name).matches(), "bad metric name " + name);
        Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                require(LABEL_NAME.matcher(label).matches(), "bad label name " + label);
                require(line.charAt(eq + 1) == '"', "label value not quoted");
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char escaped = line.charAt(++j);
                        require(escaped == '\\' || escaped == '"' || escaped == 'n', "bad escape");
                        value.append(escaped == 'n' ? '\n' : escaped);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                require(labels.put(label, value.toString()) == null, "label " + label + " twice");
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        require(i < line.length() && line.charAt(i) == ' ', "no space before the value");
        String[] rest = line.substring(i + 1).split(" ");
        require(rest.length == 1 || rest.length == 2, "value and optional timestamp expected");
        double value = number(rest[0]);
        if (rest.length == 2) {
            Long.parseLong(rest[1]);
        }
        return new Sample(name, labels, value);
    }

    private static double number(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> {
                require(text.matches("[-+]?[0-9]*\\.?[0-9]+([eE][-+]?[0-9]+)?"), "bad number " + text);
                yield Double.parseDouble(text);
            }
        };
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new AssertionError(problem);
        }
    }
}
