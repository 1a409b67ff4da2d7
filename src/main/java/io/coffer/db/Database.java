package io.coffer.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.coffer.config.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool and schema: opens H2 (embedded default) or PostgreSQL, and applies the
 * Flyway migrations, which are one portable set for both engines.
 */
public final class Database implements AutoCloseable {

    /** H2 settings: acknowledge a commit only once it reached the OS, so kill -9 loses nothing. */
    static final String H2_OPTIONS = ";QUERY_CACHE_SIZE=64;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

    /** Writes that may wait for the embedded database's writer, unless configured otherwise. */
    public static final int DEFAULT_WRITER_QUEUE = 4096;
    /** How long a caller waits for a pooled connection, unless configured otherwise. */
    public static final int DEFAULT_POOL_WAIT_MILLIS = 5000;

    private final HikariDataSource dataSource;
    private final int writerQueue;
    private JdbcUnitOfWork unitOfWork;

    private Database(HikariDataSource dataSource, int writerQueue) {
        this.dataSource = dataSource;
        this.writerQueue = writerQueue;
    }

    /** Opens the database the configuration names and migrates it to the current schema. */
    public static Database open(ServerConfig config) {
        if (config.usesPostgres()) {
            return open(config.dbUrl().orElseThrow(), config.dbUser().orElse(null),
                    config.dbPassword().orElse(null), config.dbPoolSize(), config.dbPoolWaitMillis(),
                    config.dbWriterQueue());
        }
        String url = h2Url(config.dataDir());
        refuseIfInUse(url, config.dataDir());
        return open(url, "sa", "", config.dbPoolSize(), config.dbPoolWaitMillis(), config.dbWriterQueue());
    }

    /** H2's error code for a database file another process holds open. */
    private static final int H2_DATABASE_IN_USE = 90020;

    /**
     * Opens the embedded database once before the pool does, so that a file held by another process
     * is reported in one sentence rather than as the pool's stack trace.
     */
    private static void refuseIfInUse(String url, Path dataDir) {
        try (java.sql.Connection probe = java.sql.DriverManager.getConnection(url, "sa", "")) {
            probe.isValid(1);
        } catch (java.sql.SQLException e) {
            if (e.getErrorCode() == H2_DATABASE_IN_USE) {
                throw new IllegalStateException("the database in " + dataDir.toAbsolutePath().normalize()
                        + " is in use by another Coffer (or another program): stop it first, or set COFFER_DATA_DIR");
            }
            throw new IllegalStateException("cannot open the database in " + dataDir.toAbsolutePath().normalize() + ": "
                    + e.getMessage(), e);
        }
    }

    /** Opens any supported JDBC URL (H2 or PostgreSQL) and migrates it, with the default bounds. */
    public static Database open(String url, String user, String password, int poolSize) {
        return open(url, user, password, poolSize, DEFAULT_POOL_WAIT_MILLIS, DEFAULT_WRITER_QUEUE);
    }

    /**
     * Opens any supported JDBC URL (H2 or PostgreSQL) and migrates it.
     *
     * @param poolWaitMillis how long a caller waits for a connection before it is refused with
     *     {@link io.coffer.common.Overloaded} (503), rather than hanging behind an exhausted pool
     * @param writerQueue writes that may wait for the embedded database's single writer
     */
    public static Database open(String url, String user, String password, int poolSize, int poolWaitMillis,
                                int writerQueue) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(url);
        hikari.setUsername(user);
        hikari.setPassword(password);
        hikari.setMaximumPoolSize(poolSize);
        hikari.setMinimumIdle(Math.min(2, poolSize));
        hikari.setPoolName("coffer");
        hikari.setAutoCommit(true);
        hikari.setConnectionTimeout(poolWaitMillis);
        HikariDataSource dataSource = new HikariDataSource(hikari);
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    // V20: PostgreSQL indexes the events waiting for their number; H2 never has any waiting.
                    .placeholders(java.util.Map.of("unnumbered_events_index", url.startsWith("jdbc:postgresql:")
                            ? "CREATE INDEX IF NOT EXISTS event_unnumbered ON event (workspace_id, id) WHERE seq IS NULL"
                            : "SELECT 1"))
                    .loggers("slf4j")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource, writerQueue);
    }

    /** The H2 URL of the embedded database under a data directory, created if missing. */
    public static String h2Url(Path dataDir) {
        try {
            if (!Files.exists(dataDir) && dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                // The database holds balances and hashed secrets: its directory is its owner's alone.
                Files.createDirectories(dataDir, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            }
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("coffer") + H2_OPTIONS;
    }

    /**
     * Whether a data directory that already existed lets users other than its owner in: Coffer only
     * makes new ones owner-only, and says so rather than changing permissions someone chose.
     */
    public static boolean openToOthers(Path dataDir) {
        try {
            return Files.isDirectory(dataDir) && dataDir.getFileSystem().supportedFileAttributeViews().contains("posix")
                    && Files.getPosixFilePermissions(dataDir).stream().anyMatch(permission ->
                            !permission.name().startsWith("OWNER_"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether this is the embedded H2 database, whose writes must be serialised (see {@link JdbcUnitOfWork}). */
    public boolean embedded() {
        return dataSource.getJdbcUrl().startsWith("jdbc:h2:");
    }

    /** The unit of work over this database, with the write discipline its engine needs (one per database). */
    public synchronized JdbcUnitOfWork unitOfWork() {
        if (unitOfWork == null) {
            unitOfWork = new JdbcUnitOfWork(dataSource, embedded(), writerQueue);
        }
        return unitOfWork;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public synchronized void close() {
        if (unitOfWork != null) {
            unitOfWork.close();
        }
        dataSource.close();
    }
}
