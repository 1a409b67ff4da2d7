package io.coffer.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.coffer.contract.OpenApiDocuments;
import io.coffer.db.Database;
import io.coffer.testing.ApiClient;
import io.coffer.testing.ApiResponse;
import io.coffer.testing.ApproverKey;
import io.coffer.testing.Engine;
import io.coffer.testing.Governed;
import io.coffer.testing.Governed.Approver;
import io.coffer.testing.Sandbox;
import io.coffer.testing.ServerCases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A deterministic fuzz test driven by Coffer's OpenAPI document (docs/openapi.yaml). A workspace
 * is seeded with real objects; then every operation of the document (the x-coffer-extension
 * sandbox routes included) receives malformed path ids, every one of its query parameters with
 * wrong types, empty, huge and out-of-range values, and, for POSTs, its request body mutated field
 * by field (wrong JSON types, huge and negative numbers, 1e309, 2^256, long strings, wrong enums,
 * nulls, removed fields) and as a whole (trailing garbage, invalid UTF-8, not JSON, empty). HEAD
 * is sent on every GET route.
 *
 * <p>What fails the test, reported together at the end:
 * <ul>
 *   <li>an answer that breaks the server: a 5xx, no answer, or an error outside the
 *       {message, name, status_code} shape;
 *   <li>malformed input answered 2xx although the document declares it invalid, judged by
 *       {@link SchemaCheck} against the operation's own parameter and body schemas (types, enums,
 *       bounds, patterns, RFC 3339 date-times, required fields), by the JSON grammar (trailing
 *       text, invalid UTF-8), and HEAD answered 405 on a GET route. Where the document declares
 *       nothing (the inside of governance rules is {@code type: object}) only 5xx count;
 *   <li>a base body the server refuses: its mutations would prove little.
 * </ul>
 * A null sent for an optional field the document does not mark nullable is listed in the report
 * but does not fail. Every probe and its status is in target/spec-fuzz-trace.txt, the findings
 * in target/spec-fuzz-report.txt.
 *
 * <p>The run is sequential and bounded (about 3,000 requests). Mutations beyond a core set are
 * drawn with a fixed seed, bodies keep their field order, so two runs send the same requests.
 * Seeded objects the probes rely on: bitcoin and ethereum accounts whose rules let the admin
 * approve, confirmed funds on both and on a USDT child, a pending send, a group, an entity, a
 * whitelist, a label on an account and on a transaction; USDT and USDC are the ethereum tokens of
 * docs/currencies.md. Probes run as the admin with the legacy key headers, which do not expire
 * when POST /sandbox/clock moves the workspace clock.
 */
class SpecFuzzTest extends ServerCases {

    /** CI's seed; {@code -Dcoffer.fuzz.seed=N} draws other mutations (docs/testing.md, release checks). */
    private static final long SEED = Long.getLong("coffer.fuzz.seed", 20_240_611L);
    /** Rounds after the first draw random values with seeds SEED+1, SEED+2...; CI runs one round. */
    private static final int ROUNDS = Math.max(1, Integer.getInteger("coffer.fuzz.rounds", 1));
    /** Random values drawn per field, query and path parameter in each round after the first. */
    private static final int RANDOM_PER_FIELD = 3;
    /** Random text in a URL: percent-encoded it stays under the 4 KiB request line (longer is a 414). */
    private static final int URL_TEXT = 600;
    /**
     * Tables a refused request may change by design: rate-limit windows count every call, refused
     * or not (a refusal must not be a free retry).
     */
    private static final Set<String> WRITTEN_BY_ANY_CALL = Set.of("RATE_WINDOW");
    /** Astral-plane letters and emoji, right-to-left marks and a stack of combining accents. */
    private static final String UNICODE_MIX = "\uD835\uDD4F\uD83D\uDE00\u202Eabc\u200F\u200Be\u0301\u0301\u0301\u0308\uFEFF";
    private static final int BODY_PREVIEW = 150;

    private static final String ETH_RECIPIENT = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
    private static final String BTC_RECIPIENT = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    /** USDT on ethereum, as docs/currencies.md lists it. */
    private static final String USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";
    /** USDC on ethereum, for a second child account. */
    private static final String USDC = "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48";
    private static final String MISSING_ID = "987654321";

    private static final String TWO_63 = BigInteger.TWO.pow(63).toString();
    private static final String TWO_256 = BigInteger.TWO.pow(256).toString();
    private static final String TWO_256_MINUS_1 = BigInteger.TWO.pow(256).subtract(BigInteger.ONE).toString();
    private static final String TWENTY_DIGITS = "12345678901234567890";
    private static final String MARK = "@@coffer-fuzz@@";
    private static final byte[] BAD_UTF8 = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF};

    /** Operations whose effects would spoil later probes: they run last. */
    private static final Set<String> LAST = Set.of("POST /transactions/{transaction_id}/reject",
            "POST /requests/{request_id}/approve", "POST /requests/{request_id}/reject",
            "POST /sandbox/api-users/{user_id}/api-access", "POST /sandbox/api-users/{user_id}/suspension",
            "POST /sandbox/networks/{currency}/settings", "POST /sandbox/clock");

    /** Probes the document does not judge but whose answers are worth reading in the report. */
    private static final Pattern WATCHED = Pattern.compile(
            "^GET /(accounts|transactions) created_(after|before)=0000-|/currency_type = \"notanenum\"|"
                    + "/rules/1/data/0/quorum = \"1\" \\(string\\)|/rules/0/data/0/min = \"0\" \\(string\\)");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads variants exactly: 1e309 stays a decimal, 2^256 an integer, so the schema check sees what was sent. */
    private static final ObjectMapper EXACT = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Override
    protected Engine engine() {
        return Engine.H2;
    }

    // ---------------------------------------------------------------- the run

    private Random random = new Random(SEED);
    /** 0 in CI; later rounds send random values instead of the fixed probes. */
    private int round;
    private final List<Finding> broken = new ArrayList<>();
    private final List<Finding> written = new ArrayList<>();
    private final List<Finding> accepted = new ArrayList<>();
    private final List<String> refusedBases = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> lenient = new ArrayList<>();
    private final Map<String, int[]> perOperation = new LinkedHashMap<>();
    private final Set<String> mutated = new HashSet<>();
    private final Set<String> doubledHeaders = new HashSet<>();
    private final StringBuilder trace = new StringBuilder();
    private int requests;
    private int housekeeping;
    private int names;
    /** The server's own H2 database, opened beside it in this JVM, read for its tables' modification ids. */
    private Connection db;
    private Map<String, long[]> fingerprint;
    private int exchanges;
    private int fingerprintedAt = -1;
    private int fingerprints;
    private int confirmations;
    private long checkNanos;
    /** Operations and tables whose modification id moved on a refusal that left the rows as they were. */
    private final Map<String, Integer> rolledBack = new java.util.TreeMap<>();

    private JsonNode document;
    private SchemaCheck schemas;
    private Seed seed;

    @Test
    void malformedInputNeverBreaksTheServerAndIsNeverAcceptedAgainstTheDocument() throws IOException {
        document = OpenApiDocuments.coffer();
        schemas = new SchemaCheck(document);
        seed = plant();
        long started = System.nanoTime();

        List<Operation> operations = operations();
        List<Operation> ordered = new ArrayList<>();
        operations.stream().filter(op -> op.method.equals("GET")).forEach(ordered::add);
        operations.stream().filter(op -> !op.method.equals("GET") && !LAST.contains(op.key())).forEach(ordered::add);
        operations.stream().filter(op -> LAST.contains(op.key())).forEach(ordered::add);
        try (Connection connection = DriverManager.getConnection(
                Database.h2Url(Path.of(server.env().get("COFFER_DATA_DIR"))), "sa", "")) {
            db = connection;
            // The detector sees a write: a label created outside the probes moves the LABEL table.
            Map<String, long[]> before = fingerprint();
            exchange("POST", "/sandbox/labels", seed.headers, bytes(object("name", uniqueName())));
            housekeeping++;
            assertThat(changed(before, fingerprint(), false)).as("tables a label creation moved").contains("LABEL");
            for (round = 0; round < ROUNDS; round++) {
                random = new Random(SEED + round);
                for (Operation op : ordered) {
                    fuzz(op);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the server's database beside it", e);
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        StringBuilder report = new StringBuilder();
        report.append("SpecFuzzTest: ").append(operations.size()).append(" operations, ").append(requests)
                .append(" probes and ").append(housekeeping).append(" housekeeping requests in ").append(millis)
                .append(" ms (seed ").append(SEED).append(", ").append(ROUNDS).append(" round(s); ").append(fingerprints)
                .append(" database fingerprints in ").append(checkNanos / 1_000_000).append(" ms, ").append(confirmations).append(" refusals sent again to confirm a change)\n");
        section(report, "server errors, missing answers and errors outside {message, name, status_code}",
                broken.stream().map(Finding::line).toList());
        section(report, "refused requests (and reads) that changed the database", written.stream().map(Finding::line).toList());
        section(report, "malformed input accepted although the document declares it invalid",
                accepted.stream().map(Finding::line).toList());
        section(report, "base bodies refused (their mutations prove less; adapt the seed)", refusedBases);
        section(report, "null accepted for an optional field the document does not mark nullable (not failed)", lenient);
        section(report, "notes", notes);
        List<String> rollbacks = new ArrayList<>();
        rolledBack.forEach((key, count) -> rollbacks.add(key + ": " + count));
        section(report, "refusals that wrote and rolled back (rows unchanged; not failed)", rollbacks);
        List<String> counts = new ArrayList<>();
        perOperation.forEach((key, stats) -> counts.add(key + ": " + stats[0] + " probes, " + stats[1] + " ms"));
        section(report, "probes per operation", counts);
        Path out = Path.of("target", "spec-fuzz-report.txt");
        Files.createDirectories(out.getParent());
        // Labels may hold half of a surrogate pair (random values cut short): getBytes writes '?' for it.
        Files.write(out, report.toString().getBytes(StandardCharsets.UTF_8));
        Files.write(Path.of("target", "spec-fuzz-trace.txt"), trace.toString().getBytes(StandardCharsets.UTF_8));
        System.out.println(report.substring(0, report.indexOf("\n")) + "; report in " + out.toAbsolutePath());

        // About 42 probes an operation and a few housekeeping requests: the bound grows with the document.
        assertThat(requests + housekeeping).as("the run stays bounded").isLessThan(operations.size() * 46 * ROUNDS);
        List<String> failures = new ArrayList<>();
        if (!broken.isEmpty()) {
            failures.add(broken.size() + " server errors or malformed errors:\n  " + String.join("\n  ", grouped(broken)));
        }
        if (!written.isEmpty()) {
            failures.add(written.size() + " refusals or reads that wrote:\n  " + String.join("\n  ", grouped(written)));
        }
        if (!accepted.isEmpty()) {
            failures.add(accepted.size() + " malformed inputs accepted:\n  " + String.join("\n  ", grouped(accepted)));
        }
        if (!refusedBases.isEmpty()) {
            failures.add(refusedBases.size() + " base bodies refused:\n  " + String.join("\n  ", refusedBases));
        }
        assertThat(failures).as("spec fuzz findings (%d probes and %d housekeeping requests, %d ms; one line per"
                + " finding in %s)", requests, housekeeping, millis, out).isEmpty();
    }

    /** One finding: what was sent, how it was answered, and why that is wrong (if not a 5xx). */
    private record Finding(String method, String path, String label, int status, String body, String why) {
        String line() {
            return method + " " + path + " " + label + " -> " + (status < 0 ? "no answer" : status) + " " + preview(body)
                    + (why == null ? "" : "   [" + why + "]");
        }
    }

    /**
     * The same variant with the same outcome on several paths (HEAD -> 405, out-of-range dates,
     * trailing garbage) is one line naming the paths; every other finding keeps its own line.
     */
    private static List<String> grouped(List<Finding> findings) {
        Map<String, List<Finding>> groups = new LinkedHashMap<>();
        for (Finding finding : findings) {
            String why = finding.why == null ? "" : finding.why.replaceAll("^/[^:]*: ", "");
            groups.computeIfAbsent(finding.method + "|" + finding.label + "|" + finding.status + "|" + why,
                    key -> new ArrayList<>()).add(finding);
        }
        List<String> out = new ArrayList<>();
        for (List<Finding> group : groups.values()) {
            Finding first = group.get(0);
            List<String> paths = group.stream().map(Finding::path).distinct().toList();
            if (paths.size() == 1) {
                group.forEach(finding -> out.add(finding.line()));
            } else {
                out.add(first.method + " " + paths.size() + " paths " + paths + " " + first.label + " -> " + first.status
                        + (first.why == null ? "" : "   [" + first.why + "]"));
            }
        }
        return out;
    }

    private static void section(StringBuilder report, String title, List<String> lines) {
        report.append("\n== ").append(title).append(": ").append(lines.size()).append('\n');
        lines.forEach(line -> report.append("  ").append(line).append('\n'));
    }

    // ---------------------------------------------------------------- the seed

    /** The objects path ids point at, and the clients the probes use. */
    private record Seed(String workspace, Approver admin, JsonNode member, JsonNode target, JsonNode btc, JsonNode eth,
                        JsonNode usdt, long btcDeposit, long pendingRequest, long pendingTransaction, long group,
                        long entity, long whitelist, long label, Map<String, String> headers) {
    }

    private Seed plant() {
        String[] ws = new String[1];
        Approver admin = Governed.admin(server, ws);
        ApiClient a = admin.client();
        JsonNode member = Sandbox.apiUser(a, "OPERATOR", false);
        JsonNode target = Sandbox.apiUser(a, "OPERATOR", false);
        JsonNode btc = Governed.account(a, "bitcoin", List.of(Governed.step(1, admin)));
        long btcDeposit = Sandbox.deposit(a, btc.path("id").asLong(), "100000000").path("id").asLong();
        for (int i = 0; i < 4; i++) {
            Sandbox.deposit(a, btc.path("id").asLong(), "100000000");
        }
        Sandbox.mine(a, "bitcoin", 6);
        JsonNode eth = Governed.account(a, "ethereum", List.of(Governed.step(1, admin)));
        Sandbox.deposit(a, eth.path("id").asLong(), BigInteger.TEN.pow(21).toString());
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("name", "usdt-child");
        child.put("currency", "ethereum");
        child.put("parent", eth.path("id").asLong());
        child.put("contract_address", USDT);
        JsonNode usdt = Sandbox.account(a, child);
        Sandbox.deposit(a, usdt.path("id").asLong(), "1000000000000");
        Sandbox.mine(a, "ethereum", 12);

        ApiResponse pending = a.post("/requests", JSON.convertValue(ethSend(eth, usdt, false), Map.class));
        assertThat(pending.status()).as(pending.raw()).isEqualTo(200);

        long group = a.post("/sandbox/groups", Map.of("name", "fuzz-group", "members", List.of(member.path("id").asLong())))
                .id();
        long entity = a.post("/sandbox/entities", Map.of("name", "fuzz-entity", "accounts", List.of(btc.path("id").asLong())))
                .id();
        long whitelist = a.post("/sandbox/whitelists", Map.of("name", "fuzz-whitelist", "addresses", List.of(Map.of(
                "name", "recipient", "currency", "ethereum", "address", ETH_RECIPIENT)))).id();
        long label = a.post("/sandbox/labels", Map.of("name", "fuzz-label")).id();
        assertThat(a.post("/sandbox/accounts/" + eth.path("id").asLong() + "/labels", Map.of("label_id", label)).status())
                .isEqualTo(200);
        assertThat(a.post("/sandbox/transactions/" + btcDeposit + "/labels", Map.of("label_id", label)).status())
                .isEqualTo(200);
        assertThat(group * entity * whitelist * label).isPositive();

        // Legacy headers are checked on every call and never expire, whatever the probes do to the workspace clock.
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Ledger-Workspace", ws[0]);
        headers.put("X-Ledger-API-User", admin.user().path("username").asText());
        headers.put("X-Ledger-API-Key", admin.user().path("api_key_secret").asText());
        return new Seed(ws[0], admin, member, target, btc, eth, usdt, btcDeposit, pending.id(),
                pending.get("target_id").asLong(), group, entity, whitelist, label, headers);
    }

    /** A send request that goes through, one per call, so reject probes have something to reject. */
    private long[] freshPendingSend() {
        Answer answer = exchange("POST", "/requests", seed.headers, bytes(ethSend(seed.eth, seed.usdt, false)));
        housekeeping++;
        JsonNode body = parse(answer.body);
        assertThat(answer.status).as(answer.body).isEqualTo(200);
        return new long[] {body.path("id").asLong(), body.path("target_id").asLong()};
    }

    private String uniqueName() {
        return "fz-" + (++names);
    }

    // ---------------------------------------------------------------- operations of the document

    private record Operation(String path, String method, JsonNode spec, List<JsonNode> pathParams,
                             List<JsonNode> queryParams, JsonNode bodySchema, boolean bodyRequired) {
        String key() {
            return method + " " + path;
        }

        boolean open() {
            return spec.has("security") && spec.get("security").isEmpty();
        }
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            String method = entry.getKey().toUpperCase(Locale.ROOT);
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            JsonNode spec = entry.getValue();
            List<JsonNode> pathParams = new ArrayList<>();
            List<JsonNode> queryParams = new ArrayList<>();
            List<JsonNode> all = new ArrayList<>();
            path.getValue().path("parameters").forEach(all::add);
            spec.path("parameters").forEach(all::add);
            for (JsonNode raw : all) {
                JsonNode param = schemas.resolve(raw);
                if ("path".equals(param.path("in").asText())) {
                    pathParams.add(param);
                } else if ("query".equals(param.path("in").asText())) {
                    queryParams.add(param);
                }
            }
            JsonNode body = schemas.resolve(spec.path("requestBody"));
            JsonNode bodySchema = null;
            boolean required = false;
            if (body != null && body.isObject() && body.has("content")) {
                bodySchema = body.path("content").path("application/json").path("schema");
                required = body.path("required").asBoolean(false);
                JsonNode extra = spec.get("x-coffer-request-bodies");
                if (extra != null && extra.isArray()) {
                    // Coffer's administrative requests share POST /requests with the reference's bodies.
                    ArrayNode anyOf = NODES.arrayNode();
                    JsonNode resolved = schemas.resolve(bodySchema);
                    if (resolved.has("anyOf")) {
                        resolved.get("anyOf").forEach(anyOf::add);
                    } else {
                        anyOf.add(bodySchema);
                    }
                    extra.forEach(anyOf::add);
                    bodySchema = NODES.objectNode().set("anyOf", anyOf);
                }
            }
            operations.add(new Operation(path.getKey(), method, spec, pathParams, queryParams, bodySchema, required));
        }));
        return operations;
    }

    // ---------------------------------------------------------------- one operation

    private void fuzz(Operation op) {
        List<Base> bases = op.bodySchema == null ? List.of() : bases(op);
        Supplier<byte[]> defaultBody = () -> bases.isEmpty() ? null : bytes(bases.get(0).body.get());

        // Path parameters: each in turn takes malformed, missing and existing values; the others exist.
        for (JsonNode param : op.pathParams) {
            String name = param.path("name").asText();
            boolean integer = "integer".equals(schemas.resolve(param.path("schema")).path("type").asText());
            List<String[]> values = new ArrayList<>();
            if (round > 0) {
                for (int i = 0; i < RANDOM_PER_FIELD; i++) {
                    String drawn = randomText(URL_TEXT);
                    boolean digits = drawn.matches("-?[0-9]+");
                    values.add(new String[] {encode(drawn).replace("+", "%20"),
                            integer && !digits ? "text where an integer is declared" : null});
                }
            } else if (integer) {
                values.add(new String[] {"abc", "text where an integer is declared"});
                values.add(new String[] {"%EF%BC%91", "a full-width digit where an integer is declared"});
                values.add(new String[] {"1.5", "a fraction where an integer is declared"});
                values.add(new String[] {"-1", null});
                values.add(new String[] {"0", null});
                values.add(new String[] {TWO_63, null});
                values.add(new String[] {TWENTY_DIGITS, null});
                values.add(new String[] {MISSING_ID, null});
            } else {
                values.add(new String[] {"notacoin", null});
                values.add(new String[] {"a".repeat(2_000), null});
                values.add(new String[] {"%C3%28%FF", null});
                values.add(new String[] {"%00", null});
                values.add(new String[] {"%2F..%2F", null});
                values.add(new String[] {"%F0%9D%95%8F%E2%80%AEbc%CC%81", null});
            }
            if (round == 0) {
                for (String existing : existingValues(op, name)) {
                    values.add(new String[] {existing, null});
                }
            }
            for (String[] value : values) {
                Map<String, String> pathValues = existingPath(op, name);
                pathValues.put(name, value[0]);
                String label = name + "=" + abbreviate(value[0], 24);
                probe(op, op.method, concrete(op, pathValues) + requiredQuery(op), defaultBody.get(), label, value[1]);
            }
        }

        // Query parameters, each alone (required ones keep a valid value), plus one the document does not know.
        for (JsonNode param : op.queryParams) {
            for (QueryValue value : queryValues(param)) {
                String query = requiredQuery(op, param.path("name").asText()) + value.encoded;
                probe(op, op.method, concrete(op, existingPath(op)) + "?" + query.replaceFirst("^&", ""),
                        defaultBody.get(), value.label, value.invalidBecause);
            }
        }
        String query = requiredQuery(op);
        if (round == 0) {
            // On every operation: a parameter the document does not know, sent twice with two values.
            probe(op, op.method, concrete(op, existingPath(op)) + (query.isEmpty() ? "?" : query + "&")
                    + "coffer_fuzz=1&coffer_fuzz=%F0%9F%98%80", defaultBody.get(), "unknown query parameter twice", null);
            // Two workspaces named at once are a 400 (once per method and feature: one filter reads the
            // header for every route).
            if (!op.open() && doubledHeaders.add(op.method + " " + op.path.split("/")[1])) {
                Map<String, List<String>> twice = new LinkedHashMap<>();
                seed.headers.forEach((header, value) -> twice.put(header, List.of(value)));
                twice.put("X-Ledger-Workspace", List.of(seed.workspace, "coffer-fuzz-other"));
                check(op, op.method, "X-Ledger-Workspace twice", call(op, op.method, concrete(op, existingPath(op)) + query,
                        defaultBody.get(), twice), "two values of X-Ledger-Workspace");
            }
        }
        if (op.method.equals("GET") && round == 0) {
            probe(op, "HEAD", concrete(op, existingPath(op)) + query, null, "HEAD", null);
        }

        // POST without a body: the bare call.
        if (!op.method.equals("GET") && op.bodySchema == null && round == 0) {
            probe(op, op.method, concrete(op, existingPath(op)), null, "no body", null);
        }

        // Bodies.
        for (int i = 0; i < bases.size(); i++) {
            fuzzBody(op, bases.get(i), i == 0, bases.size() > 1);
        }
    }

    private void fuzzBody(Operation op, Base base, boolean first, boolean named) {
        JsonNode sample = base.body.get();
        List<String> baseErrors = schemas.violations(op.bodySchema, exact(sample));
        if (!baseErrors.isEmpty()) {
            refusedBases.add(op.key() + " base " + base.name + " breaks the document itself: " + baseErrors);
        }
        Answer answer = call(op, op.method, concrete(op, existingPath(op)), bytes(sample));
        check(op, op.method, "base " + base.name, answer, null);
        if (base.expectAccepted && (answer.status < 200 || answer.status >= 300)) {
            refusedBases.add(op.key() + " base " + base.name + " -> " + answer.status + " " + preview(answer.body));
        }

        if (first && round == 0) {
            String text = JSON.valueToTree(base.body.get()).toString();
            probeBody(op, base, new byte[0], "empty body", op.bodyRequired ? "the document requires a body" : null);
            probeBody(op, base, utf8("this is not json"), "non-JSON body", "not JSON");
            probeBody(op, base, utf8("null"), "body null", "null where an object is declared");
            probeBody(op, base, utf8("[" + base.text() + "]"), "array instead of object", "an array where an object is declared");
            probeBody(op, base, utf8(base.text() + " garbage"), "trailing garbage", "trailing text after the JSON value");
            probeBody(op, base, utf8(base.text() + "{}"), "trailing {}", "trailing text after the JSON value");
            probeBody(op, base, invalidUtf8(base.body.get()), "invalid UTF-8", "JSON text must be UTF-8 (RFC 8259)");
            String withDuplicate = text.replaceFirst("^\\{", "{\"coffer_fuzz\":1,\"coffer_fuzz\":2,");
            probeBody(op, base, utf8(withDuplicate.replace(",}", "}")), "duplicate key", null);
            String deep = "[".repeat(5_000) + "]".repeat(5_000);
            probeBody(op, base, utf8(text.replaceFirst("^\\{", "{\"coffer_fuzz\":" + deep + ",").replace(",}", "}")),
                    "5000 nested arrays", null);
            probeBody(op, base, utf8(text.replaceFirst("^\\{", "{\"coffer_fuzz\":{\"unknown\":true},").replace(",}", "}")),
                    "unknown field added", null);
        }

        for (Mutation mutation : mutations(op, base)) {
            if (!mutated.add(dedupeKey(op, base, mutation))) {
                continue;
            }
            JsonNode fresh = base.body.get();
            String raw = mutation.raw;
            byte[] body;
            String invalid;
            JsonNode exactTree = exact(fresh);
            if (raw == null) {
                remove(exactTree, mutation.pointer);
                JsonNode plain = fresh.deepCopy();
                remove(plain, mutation.pointer);
                body = bytes(plain);
            } else {
                JsonNode plain = fresh.deepCopy();
                replace(plain, mutation.pointer, TextNode.valueOf(MARK));
                body = utf8(plain.toString().replace("\"" + MARK + "\"", raw));
                JsonNode parsedRaw = parseExact(raw);
                if (parsedRaw == null) {
                    exactTree = null;
                } else if (mutation.pointer.isEmpty()) {
                    exactTree = parsedRaw;
                } else {
                    replace(exactTree, mutation.pointer, parsedRaw);
                }
            }
            invalid = invalid(op, exactTree, baseErrors);
            if (mutation.onlyIfInvalid && invalid == null) {
                continue;
            }
            String label = (named ? "[" + base.name + "] " : "") + mutation.pointer + " " + mutation.label;
            if (invalid != null && "null".equals(raw) && removable(op, fresh, mutation.pointer, baseErrors)) {
                // null for an optional field the document does not mark nullable: many clients send it
                // for "absent", so an acceptance is listed apart and does not fail the test.
                Answer nulled = call(op, op.method, concrete(op, existingPath(op)), body);
                check(op, op.method, label, nulled, null);
                if (nulled.status >= 200 && nulled.status < 300) {
                    lenient.add(op.method + " " + op.path + " " + label + " -> " + nulled.status + "   [" + invalid + "]");
                }
                continue;
            }
            probeBody(op, base, body, label, invalid);
        }

        // A base the server took once but refuses now has made the probes above prove less.
        if (base.expectAccepted) {
            Answer again = call(op, op.method, concrete(op, existingPath(op)), bytes(base.body.get()));
            check(op, op.method, "base " + base.name + " again", again, null);
            if (again.status < 200 || again.status >= 300) {
                refusedBases.add(op.key() + " base " + base.name + ", sent again after its probes -> " + again.status
                        + " " + preview(again.body));
            }
        }
    }

    private String invalid(Operation op, JsonNode tree, List<String> baseErrors) {
        if (tree == null) {
            return "not JSON";
        }
        List<String> errors = schemas.violations(op.bodySchema, tree);
        errors.removeAll(baseErrors);
        return errors.isEmpty() ? null : errors.get(0);
    }

    /**
     * Fields that mean the same thing in several bases of an operation are mutated once: the fields
     * of a family (the sends share everything but their fee fields), and the first-level fields
     * (type, data) of the administrative requests.
     */
    private static String dedupeKey(Operation op, Base base, Mutation mutation) {
        String family = mutation.pointer.indexOf('/', 1) < 0 ? base.sharedFamily : base.family;
        return op.key() + " " + family + " " + mutation.pointer + " " + mutation.label;
    }

    /** Whether the document lets the field be left out. */
    private boolean removable(Operation op, JsonNode base, String pointer, List<String> baseErrors) {
        JsonNode without = exact(base);
        remove(without, pointer);
        List<String> errors = schemas.violations(op.bodySchema, without);
        errors.removeAll(baseErrors);
        return errors.isEmpty();
    }

    private void probeBody(Operation op, Base base, byte[] body, String label, String invalidBecause) {
        probe(op, op.method, concrete(op, existingPath(op)), body, label, invalidBecause);
    }

    // ---------------------------------------------------------------- path values

    private Map<String, String> existingPath(Operation op) {
        return existingPath(op, null);
    }

    /** Seeded values for the path parameters, but one (which the caller sets). */
    private Map<String, String> existingPath(Operation op, String except) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode param : op.pathParams) {
            String name = param.path("name").asText();
            if (!name.equals(except)) {
                values.put(name, existingValues(op, name).get(0));
            }
        }
        return values;
    }

    /** Values of a path parameter that point at seeded objects; the first is used while other parts vary. */
    private List<String> existingValues(Operation op, String name) {
        String btc = seed.btc.path("id").asText();
        String eth = seed.eth.path("id").asText();
        String usdt = seed.usdt.path("id").asText();
        return switch (name) {
            case "account_id" -> List.of(btc, eth, usdt);
            case "parent_account_id" -> List.of(eth);
            case "index" -> List.of("0");
            case "transaction_id" -> op.key().equals("POST /transactions/{transaction_id}/reject")
                    ? List.of(String.valueOf(freshPendingSend()[1]))
                    : List.of(String.valueOf(seed.btcDeposit), String.valueOf(seed.pendingTransaction));
            case "request_id" -> op.key().equals("POST /requests/{request_id}/reject")
                    ? List.of(String.valueOf(freshPendingSend()[0]))
                    : List.of(String.valueOf(seed.pendingRequest));
            case "user_id" -> op.method.equals("GET")
                    ? List.of(seed.member.path("id").asText(), seed.admin.user().path("id").asText())
                    : List.of(seed.target.path("id").asText());
            case "group_id" -> List.of(String.valueOf(seed.group));
            case "entity_id" -> List.of(String.valueOf(seed.entity));
            case "whitelist_id" -> List.of(String.valueOf(seed.whitelist));
            case "label_id" -> List.of(String.valueOf(seed.label));
            case "currency_name" -> List.of("ethereum");
            case "currency" -> List.of("bitcoin");
            case "contract_address" -> List.of(USDT);
            case "address" -> List.of(ETH_RECIPIENT);
            default -> {
                notes.add(op.key() + ": no seeded value for path parameter '" + name + "', used 1");
                yield List.of("1");
            }
        };
    }

    private static String concrete(Operation op, Map<String, String> values) {
        String path = op.path;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    // ---------------------------------------------------------------- query values

    private record QueryValue(String label, String encoded, String invalidBecause) {
    }

    private String requiredQuery(Operation op) {
        String query = requiredQuery(op, null);
        return query.isEmpty() ? "" : "?" + query.substring(1);
    }

    /** "&name=value" for every required query parameter but one. */
    private String requiredQuery(Operation op, String except) {
        StringBuilder query = new StringBuilder();
        for (JsonNode param : op.queryParams) {
            if (param.path("required").asBoolean(false) && !param.path("name").asText().equals(except)) {
                query.append('&').append(param.path("name").asText()).append('=')
                        .append(encode(validValue(schemas.resolve(param.path("schema")), 0)));
            }
        }
        return query.toString();
    }

    private List<QueryValue> queryValues(JsonNode param) {
        String name = param.path("name").asText();
        JsonNode schema = schemas.resolve(param.path("schema"));
        boolean array = "array".equals(schema.path("type").asText());
        JsonNode item = array ? schemas.resolve(schema.path("items")) : schema;
        String type = item.path("type").asText("string");
        List<String> values = new ArrayList<>();
        List<String> rawValues = new ArrayList<>();
        if (round > 0) {
            for (int i = 0; i < RANDOM_PER_FIELD; i++) {
                values.add(randomText(URL_TEXT));
            }
        } else if (item.has("enum")) {
            // Every enum wrong: a made-up name and near misses of a real one (case, trailing space).
            values.addAll(List.of("notanenum", caseSwapped(validValue(item, 0)), validValue(item, 0) + " ", ""));
        } else if (type.equals("integer") || type.equals("number")) {
            values.addAll(List.of("abc", "", "1e309", "-1", "1.5", TWENTY_DIGITS, "\uFF11", TWO_256));
            if (array) {
                values.add("1,2");
            }
        } else if (type.equals("boolean")) {
            values.addAll(List.of("abc", "2", ""));
        } else if ("date-time".equals(item.path("format").asText())) {
            values.addAll(List.of("notadate", "2026-13-45T00:00:00Z", "-999999999-01-01T00:00:00Z",
                    "+999999999-12-31T23:59:59Z", "0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "1700000000", ""));
        } else if (item.has("pattern")) {
            values.addAll(List.of("abc", "-1", "1e309", TWO_256_MINUS_1, TWO_256, "\uFF11", ""));
        } else {
            values.addAll(List.of("", "x".repeat(2_000), UNICODE_MIX));
            rawValues.addAll(List.of("%C3%28%FF", "%00"));
        }
        List<QueryValue> out = new ArrayList<>();
        for (String value : values) {
            out.add(new QueryValue(name + "=" + abbreviate(value, 28), name + "=" + encode(value),
                    queryViolation(name, schema, List.of(value))));
        }
        for (String raw : rawValues) {
            out.add(new QueryValue(name + "=" + raw, name + "=" + raw, null));
        }
        if (round > 0) {
            return out;
        }
        // The same key twice: a valid repetition for arrays, an ambiguity for single values (only 5xx counts then).
        String first = validValue(item, 0);
        String second = array ? validValue(item, 1) : first;
        out.add(new QueryValue(name + " twice", name + "=" + encode(first) + "&" + name + "=" + encode(second),
                array ? queryViolation(name, schema, List.of(first, second)) : null));
        return out;
    }

    /** Why the document refuses these values of a query parameter, or null; empty values are not judged. */
    private String queryViolation(String name, JsonNode schema, List<String> values) {
        boolean array = "array".equals(schema.path("type").asText());
        JsonNode item = array ? schemas.resolve(schema.path("items")) : schema;
        for (String value : values) {
            if (value.isEmpty()) {
                return null;
            }
            JsonNode node = coerce(item, value);
            if (node == null) {
                return "query '" + name + "' is declared " + item.path("type").asText() + ", got '" + abbreviate(value, 28) + "'";
            }
            List<String> errors = schemas.violations(item, node);
            if (!errors.isEmpty()) {
                return "query '" + name + "'" + errors.get(0);
            }
        }
        return null;
    }

    private static JsonNode coerce(JsonNode schema, String value) {
        return switch (schema.path("type").asText("string")) {
            case "integer" -> value.matches("-?[0-9]+") ? NODES.numberNode(new BigInteger(value)) : null;
            case "number" -> value.matches("-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")
                    ? NODES.numberNode(new BigDecimal(value)) : null;
            case "boolean" -> value.equals("true") || value.equals("false") ? NODES.booleanNode(value.equals("true")) : null;
            default -> NODES.textNode(value);
        };
    }

    /** A value the document accepts, for required parameters and repetitions. */
    private static String validValue(JsonNode schema, int which) {
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(v -> {
                if (!v.isNull()) {
                    values.add(v.asText());
                }
            });
            return values.get(Math.min(which, values.size() - 1));
        }
        if ("date-time".equals(schema.path("format").asText())) {
            return which == 0 ? "2020-01-01T00:00:00Z" : "2030-01-01T00:00:00Z";
        }
        return switch (schema.path("type").asText("string")) {
            case "integer", "number" -> String.valueOf(which + 1);
            case "boolean" -> which == 0 ? "true" : "false";
            default -> schema.has("pattern") ? String.valueOf(which + 1) : "fuzz" + which;
        };
    }

    private static String caseSwapped(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        return upper.equals(value) ? value.toLowerCase(Locale.ROOT) : upper;
    }

    // ---------------------------------------------------------------- bodies

    /** A valid body for an operation; {@code family} groups bases whose fields mean the same thing. */
    private record Base(String name, String family, String sharedFamily, Supplier<JsonNode> body,
                        boolean expectAccepted) {
        Base(String name, String family, Supplier<JsonNode> body, boolean expectAccepted) {
            this(name, family, family, body, expectAccepted);
        }

        String text() {
            return body.get().toString();
        }
    }

    private List<Base> bases(Operation op) {
        long eth = seed.eth.path("id").asLong();
        long member = seed.member.path("id").asLong();
        List<Base> bases = new ArrayList<>();
        switch (op.key()) {
            case "POST /auth/token" -> bases.add(new Base("api key", "auth", () -> object(
                    "api_key_id", seed.member.path("api_key_id").asText(),
                    "api_key_secret", seed.member.path("api_key_secret").asText()), true));
            case "POST /auth/token/refresh" -> bases.add(new Base("fresh refresh token", "refresh",
                    () -> object("refresh_token", freshRefreshToken()), true));
            case "POST /transactions/estimate-fees", "POST /requests" -> {
                bases.add(new Base("ETHEREUM_LIKE_SEND custom gas_price", "send", () -> ethSend(seed.eth, seed.usdt, false), true));
                bases.add(new Base("ETHEREUM_LIKE_SEND custom priority_fees", "send", () -> ethSend(seed.eth, seed.usdt, true), true));
                bases.add(new Base("BITCOIN_LIKE_SEND custom fees_per_byte", "send", this::btcSend, true));
                bases.add(new Base("ERC-20 send at speed NORMAL", "send", this::usdtSend, true));
                if (op.path.equals("/requests")) {
                    bases.addAll(adminBases());
                }
            }
            case "POST /requests/{request_id}/approve", "POST /requests/{request_id}/reject" ->
                    bases.add(new Base("unsigned jws", "jws", () -> object("jws", "not.a.jws"), false));
            case "POST /sandbox/networks/{currency}/settings" -> bases.add(new Base("settings", "settings",
                    () -> object("failure_rate", 0.0, "block_interval_seconds", null), true));
            case "POST /sandbox/workspaces" -> bases.add(new Base("workspace", "workspace",
                    () -> object("name", uniqueName(), "username", uniqueName()), true));
            case "POST /sandbox/api-users" -> bases.add(new Base("api user", "api-user",
                    () -> object("username", uniqueName(), "role", "OPERATOR", "view_all", false), true));
            case "POST /sandbox/accounts" -> {
                bases.add(new Base("bitcoin account with rules", "account", () -> object("name", uniqueName(),
                        "currency", "bitcoin", "governance_rules", rules()), true));
                // A second child with the same contract is refused, so only its own fields are looked at, for 5xx.
                bases.add(new Base("ERC-20 child", "account", () -> object("name", uniqueName(), "currency", "ethereum",
                        "parent", eth, "contract_address", USDC), false));
            }
            case "POST /sandbox/accounts/{account_id}/deposits" -> bases.add(new Base("deposit", "deposit",
                    () -> object("amount", "1000", "sender", BTC_RECIPIENT), true));
            case "POST /sandbox/networks/{currency}/blocks" -> bases.add(new Base("one block", "blocks",
                    () -> object("count", 1), true));
            case "POST /sandbox/clock" -> bases.add(new Base("one second", "clock", () -> object("advance_seconds", 1), true));
            case "POST /sandbox/groups" -> bases.add(new Base("group", "group",
                    () -> object("name", uniqueName(), "members", List.of(member)), true));
            // An account belongs to one entity at most: each entity gets an account of its own.
            case "POST /sandbox/entities" -> bases.add(new Base("entity", "entity",
                    () -> object("name", uniqueName(), "accounts", List.of(freshAccount())), true));
            case "POST /sandbox/whitelists" -> bases.add(new Base("whitelist", "whitelist", () -> object(
                    "name", uniqueName(), "addresses", List.of(object("name", "to", "currency", "ethereum",
                            "address", ETH_RECIPIENT))), true));
            case "POST /sandbox/labels" -> bases.add(new Base("label", "label",
                    () -> object("name", uniqueName(), "color", "#FF0000"), true));
            case "POST /sandbox/accounts/{account_id}/labels", "POST /sandbox/transactions/{transaction_id}/labels" ->
                    bases.add(new Base("tag", "tag", () -> object("label_id", seed.label), true));
            case "POST /sandbox/reporting-keys" -> bases.add(new Base("reporting key", "reporting",
                    () -> object("name", uniqueName(), "entities", List.of(seed.entity)), true));
            case "POST /sandbox/api-users/{user_id}/suspension" -> bases.add(new Base("suspend", "suspension",
                    () -> object("suspended", true), true));
            case "POST /sandbox/tradelink/asset-managers", "POST /sandbox/tradelink/exchanges" -> bases.add(new Base(
                    "party", "tradelink-party", () -> object("name", uniqueName(), "code", uniqueName(),
                            "approver_group_id", seed.group, "whitelist_id", seed.whitelist), true));
            // The seeded account_id is a Bitcoin account (a 404 for NFTs and light tokens): the bodies' checks still run first.
            case "POST /sandbox/accounts/{account_id}/nfts" -> bases.add(new Base("ERC-1155 mint", "nft", () -> object(
                    "contract_address", ETH_RECIPIENT, "token_id", "1", "standard", "ERC1155", "amount", "2",
                    "metadata", object("name", "n", "media", "ipfs://x")), false));
            case "POST /sandbox/nft-collections/{contract_address}/floor-price" -> bases.add(new Base("floor price",
                    "floor-price", () -> object("currency", "ethereum", "floor_price", "1000"), true));
            case "POST /sandbox/accounts/{account_id}/light-tokens" -> bases.add(new Base("SPL credit", "light-token",
                    () -> object("mint", "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v", "amount", "1", "ticker", "USDC"),
                    false));
            default -> {
                notes.add(op.key() + ": no seeded body, one was made from the schema (mutations checked for 5xx only)");
                JsonNode made = minimal(op.bodySchema, 0);
                bases.add(new Base("made from the schema", op.key(), () -> made.deepCopy(), false));
            }
        }
        return bases;
    }

    private List<Base> adminBases() {
        long member = seed.member.path("id").asLong();
        long eth = seed.eth.path("id").asLong();
        List<Base> bases = new ArrayList<>();
        bases.add(admin("CREATE_GROUP", () -> object("name", uniqueName(), "members", List.of(member))));
        bases.add(admin("EDIT_GROUP", () -> object("group_id", seed.group, "name", uniqueName())));
        bases.add(admin("REVOKE_GROUP", () -> object("group_id", seed.group)));
        bases.add(admin("CREATE_WHITELIST", () -> object("name", uniqueName(), "addresses", List.of(object(
                "name", "to", "currency", "ethereum", "address", ETH_RECIPIENT)))));
        bases.add(admin("EDIT_WHITELIST", () -> object("whitelist_id", seed.whitelist, "name", uniqueName())));
        bases.add(admin("CREATE_ENTITY", () -> object("name", uniqueName(), "accounts", List.of(eth))));
        bases.add(admin("EDIT_ENTITY", () -> object("entity_id", seed.entity, "name", uniqueName())));
        bases.add(admin("REVOKE_ENTITY", () -> object("entity_id", seed.entity)));
        bases.add(admin("CREATE_ACCOUNT", () -> object("account_data", object("name", uniqueName(), "currency", "bitcoin"),
                "governance_rules", rules())));
        bases.add(admin("EDIT_ACCOUNT", () -> object("account_id", eth, "name", uniqueName())));
        bases.add(admin("CREATE_API_USER", () -> object("username", uniqueName(), "public_key",
                ApproverKey.generate().publicHex(), "role", "OPERATOR", "view_all", false)));
        bases.add(admin("CREATE_OPERATOR", () -> object("username", uniqueName(), "public_key",
                ApproverKey.generate().publicHex(), "view_all", false)));
        bases.add(admin("REVOKE_USER", () -> object("user_id", seed.target.path("id").asLong())));
        bases.add(admin("UPDATE_QUORUM", () -> object("quorum", 1)));
        return bases;
    }

    private Base admin(String type, Supplier<JsonNode> data) {
        return new Base(type, type, "admin", () -> object("type", type, "data", data.get()), true);
    }

    /** A MULTI_AUTHORIZATIONS step by the admin and a THRESHOLD range: the rule shapes the server reads. */
    private List<ObjectNode> rules() {
        return List.of(object("name", "main", "rules", List.of(
                object("type", "THRESHOLD", "data", List.of(object("currency_type", "bitcoin", "min", 0, "max", 100000))),
                object("type", "MULTI_AUTHORIZATIONS", "data", List.of(object("users",
                        List.of(seed.admin.id()), "quorum", 1))))));
    }

    private ObjectNode ethSend(JsonNode eth, JsonNode usdt, boolean eip1559) {
        Map<String, Object> fees = new LinkedHashMap<>();
        fees.put("gas_limit", "21000");
        fees.put(eip1559 ? "priority_fees" : "gas_price", eip1559 ? "1000000000" : "30000000000");
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("account_name", eth.path("name").asText());
        transaction.put("amount", "1");
        transaction.put("currency", "ethereum");
        transaction.put("max_fees", "10000000000000000");
        transaction.put("recipient", ETH_RECIPIENT);
        return object("type", "CREATE_TRANSACTION", "note", object("title", "fuzz", "content", "seeded send"),
                "data", object("account_id", eth.path("id").asLong(), "transaction_type", "ETHEREUM_LIKE_SEND",
                        "fees_strategy", object("type", "CUSTOM", "data", fees), "transaction_data", transaction));
    }

    private ObjectNode btcSend() {
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("account_name", seed.btc.path("name").asText());
        transaction.put("amount", "10000");
        transaction.put("currency", "bitcoin");
        transaction.put("max_fees", "100000");
        transaction.put("recipient", BTC_RECIPIENT);
        return object("type", "CREATE_TRANSACTION", "data", object("account_id", seed.btc.path("id").asLong(),
                "transaction_type", "BITCOIN_LIKE_SEND", "fees_strategy", object("type", "CUSTOM", "data",
                        object("fees_per_byte", "5")), "transaction_data", transaction));
    }

    private ObjectNode usdtSend() {
        Map<String, Object> transaction = new LinkedHashMap<>();
        transaction.put("account_name", seed.usdt.path("name").asText());
        transaction.put("amount", "1");
        transaction.put("currency", "ethereum");
        transaction.put("max_fees", "10000000000000000");
        transaction.put("recipient", ETH_RECIPIENT);
        transaction.put("contract_address", USDT);
        return object("type", "CREATE_TRANSACTION", "data", object("account_id", seed.usdt.path("id").asLong(),
                "transaction_type", "ETHEREUM_LIKE_SEND", "fees_strategy", object("type", "SPEED", "data",
                        object("speed", "NORMAL")), "transaction_data", transaction));
    }

    private long freshAccount() {
        Answer answer = exchange("POST", "/sandbox/accounts", seed.headers, bytes(object("name", uniqueName(),
                "currency", "bitcoin")));
        housekeeping++;
        assertThat(answer.status).as(answer.body).isEqualTo(200);
        return parse(answer.body).path("id").asLong();
    }

    private String freshRefreshToken() {
        Answer answer = exchange("POST", "/auth/token", Map.of("X-Ledger-Workspace", seed.workspace), bytes(object(
                "api_key_id", seed.member.path("api_key_id").asText(),
                "api_key_secret", seed.member.path("api_key_secret").asText())));
        housekeeping++;
        assertThat(answer.status).as(answer.body).isEqualTo(200);
        return parse(answer.body).path("refresh_token").asText();
    }

    /** A body made from a schema alone: required properties with plain values. */
    private JsonNode minimal(JsonNode raw, int depth) {
        JsonNode schema = schemas.resolve(raw);
        if (schema == null || depth > 8) {
            return NODES.nullNode();
        }
        for (String composition : List.of("anyOf", "oneOf", "allOf")) {
            if (schema.has(composition) && schema.get(composition).size() > 0) {
                return minimal(schema.get(composition).get(0), depth + 1);
            }
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        return switch (schema.path("type").asText("object")) {
            case "integer", "number" -> NODES.numberNode(1);
            case "boolean" -> NODES.booleanNode(false);
            case "string" -> NODES.textNode(schema.has("pattern") ? "1" : "fuzz");
            case "array" -> NODES.arrayNode().add(minimal(schema.path("items"), depth + 1));
            default -> {
                ObjectNode object = NODES.objectNode();
                schema.path("required").forEach(name ->
                        object.set(name.asText(), minimal(schema.path("properties").path(name.asText()), depth + 1)));
                yield object;
            }
        };
    }

    // ---------------------------------------------------------------- mutations

    /** A change at a JSON pointer: raw JSON text, or null to remove the field. */
    private record Mutation(String pointer, String label, String raw, boolean onlyIfInvalid) {
        Mutation(String pointer, String label, String raw) {
            this(pointer, label, raw, false);
        }
    }

    /**
     * Every node of the base body gets mutations of its JSON type. A core set is always sent; of
     * the extended set, strings holding a number (amounts, fees, gas) get all, other fields one or
     * two drawn with the fixed seed. Wrong enum spellings are sent where the document has an enum, or
     * where the value looks like a name the server knows (a currency, a rule type).
     */
    private List<Mutation> mutations(Operation op, Base base) {
        List<Mutation> out = new ArrayList<>();
        JsonNode body = base.body.get();
        walk(body, "", out, false);
        if (round == 0) {
            absentEnums(body, "", enumProperties(op.bodySchema, new LinkedHashMap<>(), new HashSet<>()), out);
        }
        return out;
    }

    /** Every property the body schema declares with an enum, by name, with one of its values. */
    private Map<String, String> enumProperties(JsonNode raw, Map<String, String> out, Set<JsonNode> seen) {
        JsonNode schema = schemas.resolve(raw);
        if (schema == null || !schema.isObject() || !seen.add(schema)) {
            return out;
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            JsonNode declared = schemas.resolve(property.getValue());
            if (declared != null && declared.has("enum") && declared.get("enum").size() > 0) {
                out.putIfAbsent(property.getKey(), declared.get("enum").get(0).asText());
            }
            enumProperties(property.getValue(), out, seen);
        });
        for (String composition : List.of("anyOf", "oneOf", "allOf")) {
            schema.path(composition).forEach(part -> enumProperties(part, out, seen));
        }
        enumProperties(schema.get("items"), out, seen);
        if (schema.path("additionalProperties").isObject()) {
            enumProperties(schema.get("additionalProperties"), out, seen);
        }
        return out;
    }

    /**
     * Every enum wrong, also where the base leaves it out: each object of the body gets each enum
     * property it lacks with a near miss (a value in the wrong case and with a trailing space); the
     * schema check keeps those its object declares (the rest are sent only if the body turns invalid).
     */
    private void absentEnums(JsonNode node, String pointer, Map<String, String> enums, List<Mutation> out) {
        if (node.isObject()) {
            enums.forEach((name, value) -> {
                if (!node.has(name)) {
                    String near = caseSwapped(value) + " ";
                    out.add(new Mutation(pointer + "/" + escape(name), "added = \"" + near + "\"", quoted(near), true));
                }
            });
            node.fields().forEachRemaining(field -> absentEnums(field.getValue(), pointer + "/" + escape(field.getKey()),
                    enums, out));
        } else if (node.isArray() && node.size() > 0) {
            absentEnums(node.get(0), pointer + "/0", enums, out);
        }
    }

    private void walk(JsonNode node, String pointer, List<Mutation> out, boolean inArray) {
        if (!pointer.isEmpty()) {
            out.addAll(mutationsOf(node, pointer, inArray));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> walk(field.getValue(), pointer + "/" + escape(field.getKey()), out, false));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                if (i == 0 || node.get(i).isContainerNode()) {
                    walk(node.get(i), pointer + "/" + i, out, true);
                }
            }
        }
    }

    private List<Mutation> mutationsOf(JsonNode node, String pointer, boolean inArray) {
        List<Mutation> core = new ArrayList<>();
        List<Mutation> extended = new ArrayList<>();
        int sample = 2;
        if (!inArray) {
            core.add(new Mutation(pointer, "removed", null));
        }
        core.add(new Mutation(pointer, "= null", "null"));
        if (node.isTextual()) {
            String value = node.textValue();
            core.add(new Mutation(pointer, "= 1 (number)", "1"));
            core.add(new Mutation(pointer, "= \"\"", "\"\""));
            core.add(new Mutation(pointer, "= 5000 chars", quoted("7".repeat(5_000))));
            core.add(new Mutation(pointer, "= 600000 chars", quoted("7".repeat(600_000))));
            core.add(new Mutation(pointer, "= unicode mix (astral, RTL, combining)", quoted(UNICODE_MIX)));
            core.add(new Mutation(pointer, "= \"\\ud800\" (lone surrogate)", "\"\\ud800\""));
            boolean identifier = value.matches("[a-z][a-z0-9_]{0,30}|[A-Z][A-Z0-9_]{0,30}");
            core.add(new Mutation(pointer, "= \"notanenum\"", quoted("notanenum"), !identifier));
            if (!caseSwapped(value).equals(value)) {
                core.add(new Mutation(pointer, "= \"" + abbreviate(caseSwapped(value), 24) + "\"",
                        quoted(caseSwapped(value)), true));
            }
            // Near misses of a name the server knows: judged where the document has an enum or pattern.
            core.add(new Mutation(pointer, "= \"" + abbreviate(value, 24) + " \" (trailing space)", quoted(value + " "),
                    !identifier));
            if (value.matches("[0-9]+")) {
                // Character.isDigit and Long.parseLong accept other scripts' digits; the document does not.
                StringBuilder wide = new StringBuilder();
                value.chars().forEach(digit -> wide.append((char) ('\uFF10' + digit - '0')));
                core.add(new Mutation(pointer, "= \"" + abbreviate(wide.toString(), 24) + "\" (full-width digits)",
                        quoted(wide.toString()), true));
            }
            extended.add(new Mutation(pointer, "= 1e309 (number)", "1e309"));
            extended.add(new Mutation(pointer, "= 2^256-1 (number)", TWO_256_MINUS_1));
            extended.add(new Mutation(pointer, "= 2^256 (number)", TWO_256));
            extended.add(new Mutation(pointer, "= -1 (number)", "-1"));
            extended.add(new Mutation(pointer, "= \"2^256-1\"", quoted(TWO_256_MINUS_1)));
            extended.add(new Mutation(pointer, "= \"2^256\"", quoted(TWO_256)));
            extended.add(new Mutation(pointer, "= \"-1\"", quoted("-1")));
            extended.add(new Mutation(pointer, "= \"1e309\"", quoted("1e309")));
            extended.add(new Mutation(pointer, "= \"1.5\"", quoted("1.5")));
            extended.add(new Mutation(pointer, "= {}", "{}"));
            extended.add(new Mutation(pointer, "= \"a\\udc00b\" (lone low surrogate)", "\"a\\udc00b\""));
            extended.add(new Mutation(pointer, "= \"\\u0000\"", "\"a\\u0000b\""));
            sample = value.matches("[0-9]+") ? extended.size() : 1;
        } else if (node.isIntegralNumber()) {
            core.add(new Mutation(pointer, "= \"" + node.asText() + "\" (string)", quoted(node.asText())));
            core.add(new Mutation(pointer, "= \"abc\"", quoted("abc")));
            core.add(new Mutation(pointer, "= 1.5", "1.5"));
            core.add(new Mutation(pointer, "= 1e309", "1e309"));
            core.add(new Mutation(pointer, "= -1", "-1"));
            core.add(new Mutation(pointer, "= 2^63", TWO_63));
            core.add(new Mutation(pointer, "= 2^256", TWO_256));
            extended.add(new Mutation(pointer, "= 0", "0"));
            extended.add(new Mutation(pointer, "= 2^256-1", TWO_256_MINUS_1));
            extended.add(new Mutation(pointer, "= 10^1500", "1" + "0".repeat(1_500)));
            extended.add(new Mutation(pointer, "= true", "true"));
            extended.add(new Mutation(pointer, "= []", "[]"));
            sample = 1;
        } else if (node.isNumber()) {
            core.add(new Mutation(pointer, "= \"0.5\" (string)", quoted("0.5")));
            core.add(new Mutation(pointer, "= \"abc\"", quoted("abc")));
            core.add(new Mutation(pointer, "= 1e309", "1e309"));
            core.add(new Mutation(pointer, "= -1e309", "-1e309"));
            core.add(new Mutation(pointer, "= -1", "-1"));
            core.add(new Mutation(pointer, "= 2", "2"));
            core.add(new Mutation(pointer, "= 2^256", TWO_256));
            core.add(new Mutation(pointer, "= NaN", "NaN"));
        } else if (node.isBoolean()) {
            core.add(new Mutation(pointer, "= \"true\" (string)", quoted("true")));
            core.add(new Mutation(pointer, "= 1", "1"));
            core.add(new Mutation(pointer, "= \"abc\"", quoted("abc")));
        } else if (node.isArray()) {
            core.add(new Mutation(pointer, "= {}", "{}"));
            extended.add(new Mutation(pointer, "= \"x\"", quoted("x")));
            extended.add(new Mutation(pointer, "= [null]", "[null]"));
            extended.add(new Mutation(pointer, "= []", "[]"));
            sample = 1;
        } else if (node.isObject()) {
            core.add(new Mutation(pointer, "= []", "[]"));
            extended.add(new Mutation(pointer, "= \"x\"", quoted("x")));
            extended.add(new Mutation(pointer, "= {}", "{}"));
            extended.add(new Mutation(pointer, "+ unknown field",
                    ((ObjectNode) node.deepCopy()).put("coffer_fuzz_unknown", "x").toString()));
            sample = 1;
        } else if (node.isNull()) {
            core.add(new Mutation(pointer, "= 0", "0"));
            core.add(new Mutation(pointer, "= -1", "-1"));
            core.add(new Mutation(pointer, "= \"abc\"", quoted("abc")));
            core.add(new Mutation(pointer, "= 2^63", TWO_63));
        }
        if (round > 0) {
            // Later rounds: the fixed mutations were sent in the first; these draw new values.
            List<Mutation> drawn = new ArrayList<>();
            for (int i = 0; i < RANDOM_PER_FIELD; i++) {
                String raw = randomJson();
                drawn.add(new Mutation(pointer, "= random " + abbreviate(raw, 40), raw));
            }
            return drawn;
        }
        List<Mutation> out = new ArrayList<>(core);
        List<Mutation> pool = new ArrayList<>(extended);
        for (int i = 0; i < sample && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    // ---------------------------------------------------------------- random values (rounds after the first)

    private static final String[] ALPHABETS = {"abcXYZ019", "0123456789", "-+.eE0123456789", " \t\"\\/{}[]:,",
        "\u00e9\u00df\u0416\u4e2d\u0645", UNICODE_MIX, "\u0000\u0001\u001f\u007f\u0085\u2028"};

    /** A random string: lengths from 0 to 20,000, letters from one or two alphabets of unusual characters. */
    private String randomText() {
        return randomText(20_000);
    }

    /**
     * @param max the longest length drawn: 600 in URLs, whose request line over about 8 KiB Helidon
     *     drops unanswered (a known limit, docs/testing.md)
     */
    private String randomText(int max) {
        int length = Math.min(max, List.of(0, 1, 2, 8, 40, 300, 20_000).get(random.nextInt(7)));
        String letters = ALPHABETS[random.nextInt(ALPHABETS.length)] + ALPHABETS[random.nextInt(ALPHABETS.length)];
        StringBuilder out = new StringBuilder();
        while (out.length() < length) {
            out.appendCodePoint(letters.codePointAt(letters.offsetByCodePoints(0,
                    random.nextInt(letters.codePointCount(0, letters.length())))));
        }
        return out.toString();
    }

    /** Random JSON text: a string, an integer or decimal of any size and sign, a literal or a small container. */
    private String randomJson() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> quoted(randomText());
            case 2 -> (random.nextBoolean() ? "-" : "") + new BigInteger(1 + random.nextInt(1_200), random);
            case 3 -> quoted(new BigInteger(1 + random.nextInt(300), random).toString());
            case 4 -> new BigInteger(1 + random.nextInt(80), random) + "." + random.nextInt(1000) + "e"
                    + (random.nextInt(800) - 400);
            case 5 -> List.of("true", "false", "null", "\"\\ud800\"", "\"\\udfff\\ud800\"").get(random.nextInt(5));
            case 6 -> "[" + quoted(randomText()) + "," + random.nextInt() + "]";
            default -> "{" + quoted(randomText()) + ":" + quoted(randomText()) + "}";
        };
    }

    // ---------------------------------------------------------------- probing

    private record Answer(int status, String contentType, String body) {
    }

    private void probe(Operation op, String method, String target, byte[] body, String label, String invalidBecause) {
        check(op, method, label, call(op, method, target, body), invalidBecause);
    }

    /**
     * One probe, counted and timed, then undone where it would block the next ones. A refusal (4xx)
     * and any read must leave the database as it was: every table's modification id is read before
     * and after (the after of one probe is the before of the next when nothing ran between).
     */
    private Answer call(Operation op, String method, String target, byte[] body) {
        return call(op, method, target, body, null);
    }

    /** @param headers sent instead of the operation's own, each with one value or several, or null */
    private Answer call(Operation op, String method, String target, byte[] body, Map<String, List<String>> headers) {
        long started = System.nanoTime();
        Map<String, long[]> before = fingerprint();
        Answer answer = headers == null ? send(op, method, target, body) : exchangeMulti(method, target, headers, body);
        requests++;
        boolean refused = answer.status >= 400 && answer.status < 500;
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (refused || read) {
            List<String> changed = changed(before, fingerprint(), issuesChallenges(op));
            if (!changed.isEmpty()) {
                confirmWrite(op, method, target, body, headers, answer, before, changed);
            }
        }
        int[] stats = perOperation.computeIfAbsent(op.key(), key -> new int[2]);
        stats[0]++;
        stats[1] += (int) ((System.nanoTime() - started) / 1_000_000);
        if (answer.status >= 200 && answer.status < 300 && !method.equals("HEAD")) {
            undo(op, target, answer);
        }
        return answer;
    }

    /** The two challenge routes are reads that issue a challenge (a row), as the reference does. */
    private static boolean issuesChallenges(Operation op) {
        return op.path.endsWith("/challenge") || op.path.endsWith("/challenge/reject");
    }

    /** Every table's modification id and row count, read once per change of the server's state. */
    private Map<String, long[]> fingerprint() {
        if (fingerprintedAt == exchanges && fingerprint != null) {
            return fingerprint;
        }
        long started = System.nanoTime();
        Map<String, long[]> out = new LinkedHashMap<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT TABLE_NAME, LAST_MODIFICATION, ROW_COUNT_ESTIMATE"
                     + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rows.next()) {
                out.put(rows.getString(1), new long[] {rows.getLong(2), rows.getLong(3)});
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        fingerprints++;
        checkNanos += System.nanoTime() - started;
        fingerprint = out;
        fingerprintedAt = exchanges;
        return out;
    }

    /** Tables whose modification id moved, but those any call may write. */
    private static List<String> changed(Map<String, long[]> before, Map<String, long[]> after, boolean challenges) {
        List<String> out = new ArrayList<>();
        after.forEach((table, now) -> {
            long[] then = before.get(table);
            if ((then == null || then[0] != now[0]) && !WRITTEN_BY_ANY_CALL.contains(table)
                    && !(challenges && table.equals("REQUEST_CHALLENGE"))) {
                out.add(table);
            }
        });
        return out;
    }

    /**
     * A table's modification id also moves when a transaction writes and rolls back, which leaves
     * nothing: a changed row count is a write at once; otherwise the same probe is sent again
     * between two reads of those tables' rows, and a difference in them is the write.
     */
    private void confirmWrite(Operation op, String method, String target, byte[] body, Map<String, List<String>> headers,
                              Answer answer, Map<String, long[]> before, List<String> tables) {
        Map<String, long[]> after = fingerprint;
        List<String> grown = tables.stream()
                .filter(table -> !before.containsKey(table) || after.get(table)[1] != before.get(table)[1]).toList();
        String label = "[" + answer.status + "] " + method + " " + abbreviate(target, 80)
                + (body == null ? "" : " body " + abbreviate(new String(body, StandardCharsets.UTF_8), 120));
        if (!grown.isEmpty()) {
            written.add(new Finding(method, op.path, label, answer.status, answer.body, "rows added or removed in " + grown));
            return;
        }
        confirmations++;
        Map<String, Integer> rowsBefore = contents(tables);
        Answer again = headers == null ? send(op, method, target, body) : exchangeMulti(method, target, headers, body);
        Map<String, Integer> rowsAfter = contents(tables);
        fingerprint();
        List<String> differ = tables.stream().filter(table -> !rowsBefore.get(table).equals(rowsAfter.get(table))).toList();
        boolean stillRead = method.equals("GET") || method.equals("HEAD") || (again.status >= 400 && again.status < 500);
        if (!differ.isEmpty() && stillRead) {
            written.add(new Finding(method, op.path, label, answer.status, answer.body, "rows changed in " + differ));
        } else {
            tables.forEach(table -> rolledBack.merge(op.key() + " " + table, 1, Integer::sum));
        }
    }

    /** A hash of every row of each table (small tables: the fuzz workspace is the database's only one). */
    private Map<String, Integer> contents(List<String> tables) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String table : tables) {
            int hash = 1;
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT * FROM \"" + table + "\"")) {
                ResultSetMetaData meta = rows.getMetaData();
                while (rows.next()) {
                    int row = 1;
                    for (int column = 1; column <= meta.getColumnCount(); column++) {
                        row = 31 * row + java.util.Objects.hashCode(rows.getString(column));
                    }
                    hash += row; // order-free: a table scan's order is not a change
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            out.put(table, hash);
        }
        return out;
    }

    /**
     * An accepted request is rejected at once (an open request on a group, entity, user or account
     * blocks the next one and its funds stay reserved); a suspended user is restored.
     */
    private void undo(Operation op, String target, Answer answer) {
        if (op.key().equals("POST /requests")) {
            JsonNode created = parse(answer.body);
            if (created != null && created.path("id").canConvertToLong()) {
                String request = "/requests/" + created.path("id").asLong();
                housekeeping++;
                if (exchange("POST", request + "/reject", seed.headers, null).status != 200) {
                    // Should a rejection need a signed challenge one day, the admin signs one.
                    JsonNode challenge = parse(exchange("GET", request + "/challenge/reject", seed.headers, null).body);
                    String jws = seed.admin.key().sign(challenge.path("challenge").asText());
                    Answer rejected = exchange("POST", request + "/reject", seed.headers, bytes(object("jws", jws)));
                    housekeeping += 2;
                    assertThat(rejected.status).as("undoing %s: %s", request, rejected.body).isEqualTo(200);
                }
            }
        } else if (op.key().equals("POST /sandbox/api-users/{user_id}/suspension")) {
            exchange("POST", target, seed.headers, bytes(object("suspended", false)));
            housekeeping++;
        }
    }

    private Answer send(Operation op, String method, String target, byte[] body) {
        Map<String, String> headers = op.open()
                ? (op.path.equals("/sandbox/workspaces") ? Map.of() : Map.of("X-Ledger-Workspace", seed.workspace))
                : seed.headers;
        return exchange(method, target, headers, body);
    }

    private void check(Operation op, String method, String label, Answer answer, String invalidBecause) {
        trace.append(method).append(' ').append(op.path).append(' ').append(label).append(" -> ").append(answer.status)
                .append('\n');
        if (answer.status < 0 || answer.status >= 500) {
            broken.add(new Finding(method, op.path, label, answer.status, answer.body, null));
            return;
        }
        if (WATCHED.matcher(method + " " + op.path + " " + label).find()) {
            notes.add("not judged (the document declares no rule here): "
                    + new Finding(method, op.path, label, answer.status, answer.body, null).line());
        }
        if (method.equals("HEAD")) {
            // The two challenge routes issue a challenge (a write): HEAD there would issue one too.
            boolean issuing = op.path.endsWith("/challenge") || op.path.endsWith("/challenge/reject");
            if (answer.status == 405 && !issuing) {
                accepted.add(new Finding(method, op.path, label, answer.status, answer.body, "HEAD refused on a GET route"));
            }
            return;
        }
        if (answer.status >= 200 && answer.status < 300) {
            if (invalidBecause != null) {
                accepted.add(new Finding(method, op.path, label, answer.status, answer.body, invalidBecause));
            }
            return;
        }
        String shape = errorShapeProblem(answer);
        if (shape != null) {
            broken.add(new Finding(method, op.path, label, answer.status, answer.body, shape));
        }
    }

    private static String errorShapeProblem(Answer answer) {
        if (!answer.contentType.startsWith("application/json")) {
            return "error without a JSON content type";
        }
        JsonNode body = parse(answer.body);
        if (body == null || !body.isObject() || body.size() != 3 || !body.path("message").isTextual()
                || !body.path("name").isTextual() || !body.path("status_code").isInt()) {
            return "not the error shape {message, name, status_code}";
        }
        if (body.get("status_code").intValue() != answer.status) {
            return "status_code " + body.get("status_code") + " differs from HTTP " + answer.status;
        }
        return null;
    }

    private Answer exchange(String method, String target, Map<String, String> headers, byte[] body) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        headers.forEach((header, value) -> multi.put(header, List.of(value)));
        return exchangeMulti(method, target, multi, body);
    }

    private Answer exchangeMulti(String method, String target, Map<String, List<String>> headers, byte[] body) {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(URI.create(server.baseUrl() + target)).timeout(Duration.ofSeconds(30));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the test built an invalid URI: " + abbreviate(target, 200), e);
        }
        exchanges++;
        headers.forEach((header, values) -> values.forEach(value -> request.header(header, value)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- JSON helpers

    private static ObjectNode object(Object... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.set((String) pairs[i], JSON.valueToTree(pairs[i + 1]));
        }
        return node;
    }

    private static byte[] bytes(JsonNode node) {
        return utf8(node.toString());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode exact(JsonNode node) {
        return parseExact(node.toString());
    }

    private static JsonNode parseExact(String text) {
        try {
            return EXACT.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String quoted(String text) {
        return JSON.valueToTree(text).toString();
    }

    private static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    private static void replace(JsonNode root, String pointer, JsonNode value) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.set(last, value);
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), value);
        }
    }

    private static void remove(JsonNode root, String pointer) {
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, cut));
        String last = pointer.substring(cut + 1).replace("~1", "/").replace("~0", "~");
        if (parent instanceof ObjectNode object) {
            object.remove(last);
        } else if (parent instanceof ArrayNode array) {
            array.remove(Integer.parseInt(last));
        }
    }

    /** The body with invalid UTF-8 bytes inside its first string (or in a field of its own). */
    private static byte[] invalidUtf8(JsonNode body) {
        ObjectNode copy = body.isObject() ? (ObjectNode) body.deepCopy() : JSON.createObjectNode();
        String at = firstString(copy, "");
        if (at == null) {
            copy.put("coffer_fuzz", MARK);
        } else {
            replace(copy, at, TextNode.valueOf(MARK));
        }
        String text = copy.toString();
        int mark = text.indexOf(MARK);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(utf8(text.substring(0, mark)));
        out.writeBytes(BAD_UTF8);
        out.writeBytes(utf8(text.substring(mark + MARK.length())));
        return out.toByteArray();
    }

    private static String firstString(JsonNode node, String pointer) {
        if (node.isTextual()) {
            return pointer;
        }
        if (node instanceof ContainerNode<?>) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String found = firstString(field.getValue(), pointer + "/" + escape(field.getKey()));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String preview(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() <= BODY_PREVIEW ? flat : flat.substring(0, BODY_PREVIEW) + "…";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…(" + text.length() + " chars)";
    }
}
