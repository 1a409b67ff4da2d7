package io.coffer.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PgBouncer process (the distribution's {@code pgbouncer}) in transaction pooling mode in front
 * of one database of the embedded PostgreSQL, on a free loopback port, with its configuration and
 * authentication file generated under {@code target/}.
 */
public final class PgBouncer implements AutoCloseable {

    /** Where Debian's package installs it; {@code .ci/run} installs the package. */
    private static final Path BINARY = Path.of("/usr/sbin/pgbouncer");

    private final Process process;
    private final Path ini;
    private final Path log;
    private final int port;
    private final String database;

    private PgBouncer(Process process, Path ini, Path log, int port, String database) {
        this.process = process;
        this.ini = ini;
        this.log = log;
        this.port = port;
        this.database = database;
    }

    /**
     * Starts PgBouncer in front of the database a {@code jdbc:postgresql://host:port/name} URL of
     * the embedded PostgreSQL names, and waits until it accepts connections.
     *
     * @param serverConnections server connections PgBouncer keeps per database (its
     *     {@code default_pool_size}): fewer than the clients it serves, so that transactions of one
     *     client connection land on different server connections, which is what transaction pooling
     *     means
     * @param extraSettings further {@code [pgbouncer]} lines, e.g. {@code max_prepared_statements = 100}
     */
    public static PgBouncer start(String postgresUrl, String user, String password, int serverConnections,
                                  String... extraSettings) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: PgBouncer tests need the distribution's package"
                    + " (apt-get install -y pgbouncer; .ci/run installs it)");
        }
        URI target = URI.create(postgresUrl.substring("jdbc:".length()));
        String database = target.getPath().substring(1);
        Path dir = Engine.tempDir("pgbouncer").toAbsolutePath();
        Path auth = dir.resolve("userlist.txt");
        Files.writeString(auth, "\"" + user + "\" \"" + password + "\"\n", StandardCharsets.UTF_8);
        int port = ServerProcess.freePort();
        List<String> config = new ArrayList<>(List.of(
                "[databases]",
                "* = host=" + target.getHost() + " port=" + target.getPort(),
                "[pgbouncer]",
                "listen_addr = 127.0.0.1",
                "listen_port = " + port,
                // No Unix socket: the test only uses its TCP port, and /tmp may be shared.
                "unix_socket_dir =",
                "auth_type = md5",
                "auth_file = " + auth,
                "pool_mode = transaction",
                "default_pool_size = " + serverConnections,
                "max_client_conn = 500",
                // pgjdbc sends it at connect; PgBouncer must not refuse the connection for it.
                "ignore_startup_parameters = extra_float_digits"));
        config.addAll(List.of(extraSettings));
        Path ini = dir.resolve("pgbouncer.ini");
        Files.write(ini, config, StandardCharsets.UTF_8);
        // Temporary directories are owner-only; PgBouncer started as root drops to another user,
        // which must still read its two files.
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        auth.toFile().setReadable(true, false);
        ini.toFile().setReadable(true, false);

        return launch(ini, port, database);
    }

    /**
     * Stops this PgBouncer and starts another with the same configuration on the same port, as a
     * database endpoint that went away and came back (a failover behind a stable address).
     */
    public PgBouncer restarted() throws IOException, InterruptedException {
        close();
        return launch(ini, port, database);
    }

    private static PgBouncer launch(Path ini, int port, String database) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(BINARY.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            // PgBouncer refuses to run as root ("PgBouncer should not run as root"); it drops to this user.
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(ini.toString());
        Path log = ini.resolveSibling("pgbouncer-" + System.nanoTime() + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        PgBouncer bouncer = new PgBouncer(builder.start(), ini, log, port, database);
        try {
            ServerProcess.await(Duration.ofSeconds(30), "PgBouncer to listen (log: " + log + ")", () -> {
                if (!bouncer.process.isAlive()) {
                    throw new IllegalStateException("pgbouncer exited: " + bouncer.output());
                }
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                    return true;
                } catch (IOException notYet) {
                    return false;
                }
            });
        } catch (RuntimeException | AssertionError | InterruptedException e) {
            bouncer.close();
            throw e;
        }
        return bouncer;
    }

    /** The installed PgBouncer's version, e.g. {@code [1, 18]}, from {@code pgbouncer --version}. */
    public static int[] version() throws IOException, InterruptedException {
        Process probe = new ProcessBuilder(BINARY.toString(), "--version").redirectErrorStream(true).start();
        String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        probe.waitFor(10, TimeUnit.SECONDS);
        Matcher matcher = Pattern.compile("PgBouncer (\\d+)\\.(\\d+)").matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read the PgBouncer version from: " + out);
        }
        return new int[] {Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))};
    }

    /** A JDBC URL of the database through PgBouncer, with the given driver parameters (may be empty). */
    public String jdbcUrl(String parameters) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** What PgBouncer logged so far. */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** Stops PgBouncer by its own pid: SIGTERM, then SIGKILL if it is still there. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
