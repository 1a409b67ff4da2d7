package io.coffer.testing;

import io.coffer.db.Database;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The two storage engines every storage test runs on: H2 in a fresh directory, and a fresh
 * database on one embedded PostgreSQL (zonky) shared by the whole test run.
 */
public enum Engine {
    H2, POSTGRES;

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static volatile EmbeddedPostgres postgres;

    /** A JDBC URL of an empty database on this engine. */
    public String freshUrl() {
        return switch (this) {
            case H2 -> Database.h2Url(tempDir("h2"));
            case POSTGRES -> {
                String name = "coffer_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
                try (Connection connection = postgres().getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException("cannot create test database", e);
                }
                yield postgres().getJdbcUrl("postgres", name);
            }
        };
    }

    public String user() {
        return this == H2 ? "sa" : "postgres";
    }

    public String password() {
        return this == H2 ? "" : "postgres";
    }

    /** Opens and migrates a fresh database. */
    public Database open() {
        return Database.open(freshUrl(), user(), password(), 8);
    }

    public static Path tempDir(String prefix) {
        try {
            Path root = Path.of("target", "test-data");
            Files.createDirectories(root);
            return Files.createTempDirectory(root, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            synchronized (Engine.class) {
                if (postgres == null) {
                    try {
                        Path work = Path.of("target", "embedded-pg").toAbsolutePath();
                        Files.createDirectories(work);
                        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
                        EmbeddedPostgres started = EmbeddedPostgres.builder()
                                .setOverrideWorkingDirectory(work.toFile())
                                .start();
                        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                            try {
                                started.close();
                            } catch (IOException ignored) {
                                // the JVM is exiting; the data directory is temporary
                            }
                        }));
                        postgres = started;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
                    }
                }
            }
        }
        return postgres;
    }
}
