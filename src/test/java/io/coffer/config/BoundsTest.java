package io.coffer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The list of bounds cannot rot: every field of the main code that holds a map, set, list, queue,
 * executor, semaphore or per-class cache created in place has an entry in {@link Bounds}; every
 * entry names something that still exists; and {@code docs/bounds.md} shows exactly the list (run
 * this test with {@code -Dbounds.write=true} to regenerate its table).
 */
class BoundsTest {

    private static final Path MAIN = Path.of("src/main/java");
    private static final Path DOC = Path.of("docs/bounds.md");
    private static final String START = "<!-- bounds:start (generated from io.coffer.config.Bounds by BoundsTest) -->";
    private static final String END = "<!-- bounds:end -->";

    /** What creates something that can grow or hold waiting work. */
    static final Pattern GROWABLE = Pattern.compile("(?:new\\s+(?:[\\w.]+\\.)?(?:ConcurrentHashMap|ConcurrentSkipListMap"
            + "|ConcurrentSkipListSet|ConcurrentLinkedQueue|ConcurrentLinkedDeque|LinkedBlockingQueue|LinkedBlockingDeque"
            + "|ArrayBlockingQueue|PriorityBlockingQueue|DelayQueue|SynchronousQueue|LinkedTransferQueue|ArrayDeque"
            + "|PriorityQueue|HashMap|LinkedHashMap|TreeMap|WeakHashMap|IdentityHashMap|HashSet|LinkedHashSet|TreeSet"
            + "|ArrayList|LinkedList|CopyOnWriteArrayList|CopyOnWriteArraySet|Semaphore|ClassValue|ThreadLocal"
            + "|ThreadPoolExecutor|ScheduledThreadPoolExecutor|ForkJoinPool|HikariDataSource)\\b"
            + "|Executors\\.new\\w+|Caffeine\\.|CacheBuilder\\.|ThreadLocal\\.withInitial)");
    /**
     * A field declaration (a local variable has no modifier but {@code final}) and its initializer, up
     * to the first semicolon, over as many lines as it takes.
     */
    private static final Pattern FIELD = Pattern.compile(
            "(?m)^[ \\t]*(?:(?:private|protected|public|static|final|volatile|transient)\\s+)*"
                    + "(?:private|protected|public|static|volatile|transient)\\s+(?:final\\s+)?[^=;(){}]*?\\s(\\w+)\\s*=\\s*([^;]*)");
    /** A field assigned in a constructor (or anywhere), with what is assigned. */
    private static final Pattern ASSIGNED = Pattern.compile("\\bthis\\.(\\w+)\\s*=\\s*([^;]*)");

    @Test
    void everyGrowableFieldOfTheMainCodeIsListedWithItsBound() throws IOException {
        Set<String> found = scan();
        Set<String> listed = Bounds.ALL.stream().map(b -> b.owner() + "#" + b.name()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(listed);
        assertThat(missing).as("these fields hold a map, queue, executor or cache but are not in io.coffer.config.Bounds: add"
                + " each with its bound, what happens at it and why (and regenerate docs/bounds.md)").isEmpty();
    }

    @Test
    void theScanSeesTheFieldsItMustSee() throws IOException {
        // A scan that found nothing would pass the test above: it must see the known ones.
        assertThat(scan()).contains("io.coffer.db.GroupCommitWriter#queue", "io.coffer.user.IdentityCache#entries",
                "io.coffer.event.Dispatcher#slots", "io.coffer.user.AccessTokens#VERIFIED", "io.coffer.Background#executor");
        assertThat(owners("class Probe {\n    private final Map<String, Long> memo = new ConcurrentHashMap<>();\n"
                + "    static final java.util.Queue<Runnable> WORK = new java.util.concurrent.ConcurrentLinkedQueue<>();\n"
                + "    private final Map<String, byte[]> split =\n            new java.util.LinkedHashMap<>();\n"
                + "    Probe() {\n        this.pool = Executors.newCachedThreadPool();\n"
                + "        Map<String, Long> local = new HashMap<>();\n    }\n}"))
                .containsExactlyInAnyOrder("memo", "WORK", "split", "pool");
    }

    @Test
    void everyEntryNamesSomethingThatExistsAndSaysItsBound() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Bounds.Bound bound : Bounds.ALL) {
            Path source = MAIN.resolve(bound.owner().replace('.', '/') + ".java");
            assertThat(source).as(bound.owner()).exists();
            assertThat(Files.readString(source)).as(bound.owner() + " mentions " + bound.name())
                    .containsPattern("\\b" + Pattern.quote(bound.name()) + "\\b");
            assertThat(List.of(bound.bound(), bound.atBound(), bound.reason())).as(bound.toString()).allMatch(s -> !s.isBlank());
            assertThat(keys.add(bound.owner() + "#" + bound.name())).as("listed once: " + bound).isTrue();
        }
    }

    @Test
    void docsBoundsShowsTheList() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("docs/bounds.md has the generated table's markers").isNotNegative();
        assertThat(end).isGreaterThan(start);
        String expected = START + "\n" + table() + END;
        String actual = doc.substring(start, end + END.length());
        if (Boolean.getBoolean("bounds.write") && !actual.equals(expected)) {
            Files.writeString(DOC, doc.substring(0, start) + expected + doc.substring(end + END.length()), StandardCharsets.UTF_8);
            return;
        }
        assertThat(actual).as("docs/bounds.md is behind io.coffer.config.Bounds: run BoundsTest with -Dbounds.write=true")
                .isEqualTo(expected);
    }

    static String table() {
        StringBuilder table = new StringBuilder("| where | bound | at the bound | why |\n|---|---|---|---|\n");
        for (Bounds.Bound bound : Bounds.ALL) {
            String owner = bound.owner().substring("io.coffer.".length());
            table.append("| `").append(owner).append('.').append(bound.name()).append("` | ").append(cell(bound.bound()))
                    .append(" | ").append(cell(bound.atBound())).append(" | ").append(cell(bound.reason())).append(" |\n");
        }
        return table.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }

    private static Set<String> scan() throws IOException {
        Set<String> found = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String owner = MAIN.relativize(file).toString().replace('/', '.').replaceAll("\\.java$", "");
                for (String name : owners(Files.readString(file))) {
                    found.add(owner + "#" + name);
                }
            }
        }
        return found;
    }

    /** The names of the fields a source declares or assigns with something growable. */
    static List<String> owners(String source) {
        String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        List<String> names = new ArrayList<>();
        for (Pattern pattern : List.of(FIELD, ASSIGNED)) {
            Matcher matcher = pattern.matcher(code);
            while (matcher.find()) {
                if (GROWABLE.matcher(matcher.group(2)).find() && !names.contains(matcher.group(1))) {
                    names.add(matcher.group(1));
                }
            }
        }
        return names;
    }
}
