package io.coffer.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A Coffer server in its own JVM ({@code java io.coffer.Main serve} on the test classpath), started the
 * way the README starts it, for tests that kill it, stop it, or start a second one beside it.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private ServerProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts a server on a data directory (its master key beside it) and waits until it answers. */
    public static ServerProcess start(Path data, int port) throws IOException, InterruptedException {
        return start(data, port, Map.of());
    }

    public static ServerProcess start(Path data, int port, Map<String, String> env, String... jvmOptions)
            throws IOException, InterruptedException {
        ServerProcess server = launch(List.of("serve"), data, port, env, jvmOptions);
        ApiClient probe = new ApiClient(server.baseUrl(), Map.of());
        await(Duration.ofSeconds(60), "the server to answer /health (log: " + server.log + ")", () -> {
            if (!server.process.isAlive()) {
                throw new IllegalStateException("server exited with " + server.process.exitValue() + ": " + server.output());
            }
            try {
                return probe.get("/health").status() == 200;
            } catch (RuntimeException notYet) {
                return false;
            }
        });
        return server;
    }

    /** Runs {@code java io.coffer.Main ARGS} with the data directory's settings, without waiting for anything. */
    public static ServerProcess launch(List<String> args, Path data, int port, Map<String, String> env,
                                       String... jvmOptions) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.coffer.Main"));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> settings = new HashMap<>();
        settings.put("COFFER_DATA_DIR", data.toString());
        settings.put("COFFER_MASTER_KEY_FILE", data.resolveSibling(data.getFileName() + ".master.key").toString());
        settings.put("COFFER_HTTP_PORT", Integer.toString(port));
        settings.put("COFFER_HTTP_HOST", "127.0.0.1");
        settings.putAll(env);
        builder.environment().putAll(settings);
        builder.redirectErrorStream(true);
        Files.createDirectories(data.toAbsolutePath().getParent());
        Path log = data.resolveSibling(data.getFileName() + "-" + System.nanoTime() + ".log");
        builder.redirectOutput(log.toFile());
        return new ServerProcess(builder.start(), log, port);
    }

    /** Polls a condition until it holds, failing after the deadline (no test depends on the machine's speed). */
    public static void await(Duration deadline, String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + deadline.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Process process() {
        return process;
    }

    /** What the process printed so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    /** kill -9. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Stops the process by its own pid: SIGTERM, then SIGKILL if it is still there. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
