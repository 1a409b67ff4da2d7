package io.coffer.testing;

import io.coffer.CofferServer;
import io.coffer.config.ServerConfig;
import java.util.HashMap;
import java.util.Map;

/**
 * A Coffer server started in-process on a random loopback port, on a fresh database of the given
 * engine, for HTTP tests.
 */
public final class TestServer implements AutoCloseable {

    private final CofferServer server;
    private final Engine engine;
    private final Map<String, String> env;

    private TestServer(CofferServer server, Engine engine, Map<String, String> env) {
        this.server = server;
        this.engine = engine;
        this.env = Map.copyOf(env);
    }

    /** The settings the server was started with (database, master key file, ...). */
    public Map<String, String> env() {
        return env;
    }

    public static TestServer start(Engine engine) {
        return start(engine, Map.of());
    }

    public static TestServer start(Engine engine, Map<String, String> extraEnv) {
        Map<String, String> env = new HashMap<>();
        env.put("COFFER_HTTP_HOST", "127.0.0.1");
        env.put("COFFER_HTTP_PORT", "0");
        env.put("COFFER_DB_POOL_SIZE", "8");
        env.put("COFFER_MASTER_KEY_FILE", Engine.tempDir("key").resolve("master.key").toString());
        if (engine == Engine.POSTGRES) {
            env.put("COFFER_DB_URL", extraEnv.containsKey("COFFER_DB_URL") ? extraEnv.get("COFFER_DB_URL") : engine.freshUrl());
            env.put("COFFER_DB_USER", engine.user());
            env.put("COFFER_DB_PASSWORD", engine.password());
        } else {
            env.put("COFFER_DATA_DIR", Engine.tempDir("server").toString());
        }
        env.putAll(extraEnv);
        return new TestServer(CofferServer.start(ServerConfig.fromEnvironment(env)), engine, env);
    }

    /** The server's database, to hold its writer or its connections in back-pressure tests. */
    public io.coffer.db.Database database() {
        return server.database();
    }

    public Engine engine() {
        return engine;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The management port's base URL, for a server started with {@code COFFER_METRICS=on}. */
    public String metricsUrl() {
        return "http://127.0.0.1:" + server.metricsPort().orElseThrow(
                () -> new IllegalStateException("the server was started without COFFER_METRICS=on"));
    }

    /** A client without credentials. */
    public ApiClient anonymous() {
        return new ApiClient(baseUrl(), Map.of());
    }

    @Override
    public void close() {
        server.close();
    }
}
