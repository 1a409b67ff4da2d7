package io.coffer.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver for tests, on loopback: it checks every post's {@code X-Ledger-Signature} with
 * its own HMAC code (not Coffer's) against the secret of the path posted to, rejects stale or forged
 * ones with 401, can be told to refuse (503) for a while, and records what it accepted.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** A post the receiver accepted (answered 200). */
    public record Received(String path, long seq, long deliveryId, String body, JsonNode json) {
        public String key() {
            return json.path("payload_type").asText() + " " + json.path("event_type").asText() + " " + json.path("id").asLong();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals = new AtomicInteger();
    private final AtomicInteger attempts = new AtomicInteger();
    private final java.util.Set<String> hanging = ConcurrentHashMap.newKeySet();

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    /** Starts a receiver on a loopback port (0: any free one). */
    public static WebhookReceiver start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    byte[] body = in.readAllBytes();
                    receiver.attempts.incrementAndGet();
                    if (receiver.hanging.contains(exchange.getRequestURI().getPath())) {
                        try {
                            Thread.sleep(60_000);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return;
                    }
                    int status = receiver.handle(exchange.getRequestURI().getPath(), body,
                            exchange.getRequestHeaders().getFirst("X-Ledger-Signature"),
                            exchange.getRequestHeaders().getFirst("X-Coffer-Event-Seq"),
                            exchange.getRequestHeaders().getFirst("X-Coffer-Delivery"),
                            exchange.getRequestHeaders().getFirst("Content-Type"));
                    exchange.sendResponseHeaders(status, -1);
                } finally {
                    exchange.close();
                }
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The URL of a path on this receiver, whose posts must be signed with the secret. */
    public String url(String path, String secret) {
        secrets.put(path, secret);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Posts to this path get no answer for a minute: a receiver that hangs. */
    public void hang(String path) {
        hanging.add(path);
    }

    /** Posts to this path are answered again. */
    public void answer(String path) {
        hanging.remove(path);
    }

    /** The next {@code count} posts are answered 503. */
    public void refuseNext(int count) {
        refusals.set(count);
    }

    public List<Received> accepted() {
        return List.copyOf(accepted);
    }

    public List<Received> accepted(String path) {
        return accepted.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Posts that broke the protocol (bad signature, stale timestamp, wrong body): none is expected. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    public int attempts() {
        return attempts.get();
    }

    private int handle(String path, byte[] body, String signature, String seq, String delivery, String contentType) {
        String secret = secrets.get(path);
        if (secret == null || signature == null || seq == null || delivery == null) {
            problems.add("post to " + path + " without a known secret, signature, sequence or delivery id");
            return 400;
        }
        if (!"application/json".equals(contentType)) {
            problems.add("content type " + contentType);
        }
        long t = -1;
        String v1 = null;
        for (String part : signature.split(",")) {
            if (part.startsWith("t=")) {
                t = Long.parseLong(part.substring(2));
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        if (v1 == null || Math.abs(System.currentTimeMillis() / 1000 - t) > 300) {
            problems.add("signature header without v1 or older than five minutes: " + signature);
            return 401;
        }
        String expected = hmacHex(secret, t + "." + new String(body, StandardCharsets.UTF_8));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), v1.getBytes(StandardCharsets.US_ASCII))) {
            problems.add("signature does not verify for " + path + ": " + signature);
            return 401;
        }
        if (refusals.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return 503;
        }
        try {
            JsonNode json = JSON.readTree(body);
            if (json.size() != 3 || !json.path("payload_type").isTextual() || !json.path("event_type").isTextual()
                    || !json.path("id").isIntegralNumber()) {
                problems.add("body is not {payload_type, event_type, id}: " + new String(body, StandardCharsets.UTF_8));
            }
            accepted.add(new Received(path, Long.parseLong(seq), Long.parseLong(delivery),
                    new String(body, StandardCharsets.UTF_8), json));
            return 200;
        } catch (IOException e) {
            problems.add("body is not JSON");
            return 400;
        }
    }

    /** HMAC-SHA256 written out here so the test does not trust Coffer's own signing code. */
    public static String hmacHex(String secret, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
