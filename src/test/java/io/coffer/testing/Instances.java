package io.coffer.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Several {@code coffer serve} processes over one database, each with its own port and data
 * directory but one master key file (keys one instance sealed, the others open): a fresh database
 * on the embedded PostgreSQL, or, with one instance, the embedded H2 of its data directory.
 * Instances are killed and restarted by index; {@link #close()} stops every live one by its pid.
 */
public final class Instances implements AutoCloseable {

    /**
     * The server JVMs compile with C1 only and collect with the serial collector: they start in about
     * half the time, which is most of a crash round's cost.
     */
    private static final String[] JVM = {"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"};

    private final Engine engine;
    private final String url;
    private final Map<String, String> env;
    private final List<Path> dataDirs = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();
    private final List<ServerProcess> servers = new ArrayList<>();

    private Instances(Engine engine, String url, Map<String, String> env) {
        this.engine = engine;
        this.url = url;
        this.env = env;
    }

    /**
     * Starts {@code count} instances: the first alone (it creates the schema and the master key),
     * the others together.
     */
    public static Instances start(Engine engine, int count, Map<String, String> settings) throws Exception {
        if (engine == Engine.H2 && count != 1) {
            throw new IllegalArgumentException("an H2 file is opened by one process only");
        }
        Path root = Engine.tempDir("instances");
        Map<String, String> env = new HashMap<>(settings);
        env.put("COFFER_MASTER_KEY_FILE", root.resolve("master.key").toString());
        String url = engine == Engine.POSTGRES ? engine.freshUrl() : io.coffer.db.Database.h2Url(root.resolve("data-0"));
        if (engine == Engine.POSTGRES) {
            env.put("COFFER_DB_URL", url);
            env.put("COFFER_DB_USER", engine.user());
            env.put("COFFER_DB_PASSWORD", engine.password());
        }
        Instances instances = new Instances(engine, url, Map.copyOf(env));
        try {
            for (int i = 0; i < count; i++) {
                instances.dataDirs.add(root.resolve("data-" + i));
                instances.ports.add(ServerProcess.freePort());
                instances.servers.add(null);
            }
            instances.servers.set(0, ServerProcess.start(instances.dataDirs.get(0), instances.ports.get(0), env, JVM));
            List<CompletableFuture<Void>> others = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int index = i;
                others.add(CompletableFuture.runAsync(() -> instances.restart(index)));
            }
            others.forEach(CompletableFuture::join);
        } catch (RuntimeException | Error e) {
            instances.close();
            throw e;
        }
        return instances;
    }

    /** The base URLs, one per instance, stable across restarts. */
    public List<String> bases() {
        return ports.stream().map(port -> "http://127.0.0.1:" + port).toList();
    }

    public int size() {
        return servers.size();
    }

    /** kill -9 of one instance. */
    public void kill(int index) throws InterruptedException {
        ServerProcess server = servers.get(index);
        if (server != null) {
            server.kill();
        }
    }

    /** Starts an instance again on its port and data directory and waits until it answers. */
    public void restart(int index) {
        try {
            servers.set(index, ServerProcess.start(dataDirs.get(index), ports.get(index), env, JVM));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JDBC connection to the shared database (for H2, only while its instance is down). */
    public java.sql.Connection connect() throws java.sql.SQLException {
        // Opened like a server opens it (recovery, then a clean close): the next server must lose nothing after that.
        return LedgerInvariants.connect(url, engine.user(), engine.password());
    }

    @Override
    public void close() throws InterruptedException {
        for (ServerProcess server : servers) {
            if (server != null) {
                server.close();
            }
        }
    }
}
