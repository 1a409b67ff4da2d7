package io.coffer;

import io.coffer.config.ServerConfig;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command line. */
@Command(name = "coffer", mixinStandardHelpOptions = true, version = "Coffer 0.1.0",
        description = "A self-hosted custody server speaking the Ledger Enterprise API v1.",
        subcommands = {Main.Serve.class, WorkspaceCommand.class, KeysCommand.class, KeygenCommand.class,
                SignCommand.class})
public final class Main implements Callable<Integer> {

    /** Exit status when the environment or the data is not what Coffer needs (a message says what). */
    static final int SETUP_FAILED = 2;
    /** Exit status when the JVM ran out of memory: a supervisor restarts a process that ends, not one that spins. */
    static final int OUT_OF_MEMORY = 3;

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        if (System.getProperty("java.util.logging.config.file") == null) {
            // No logging configuration of the operator's: log from a background thread (see BackgroundLogHandler).
            java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
            for (java.util.logging.Handler handler : root.getHandlers()) {
                root.removeHandler(handler);
            }
            root.addHandler(new BackgroundLogHandler());
        }
        // An error the JVM cannot recover from ends the process, even when launched without
        // -XX:+ExitOnOutOfMemoryError (which every documented launch also passes).
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
            if (error instanceof VirtualMachineError) {
                System.err.println("coffer: fatal " + error + " in " + thread.getName() + "; exiting");
                Runtime.getRuntime().halt(OUT_OF_MEMORY);
            }
            System.err.println("coffer: uncaught " + error + " in " + thread.getName());
        });
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** Commands other than {@code serve} print their answer, not the libraries' progress. */
    static void quietLogs() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
    }

    /** The environment's configuration, or a message and {@link #SETUP_FAILED}. */
    static ServerConfig config() {
        return ServerConfig.fromEnvironment(System.getenv());
    }

    /** {@code coffer serve}: runs the server until the process is stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the server (configured by COFFER_* environment variables; see README).")
    static final class Serve implements Callable<Integer> {

        /** How long a stop may take before the process halts anyway: SIGTERM always ends Coffer. */
        static final long STOP_DEADLINE_MILLIS = 10_000;

        @Override
        public Integer call() throws InterruptedException {
            CofferServer server;
            try {
                server = CofferServer.start(config());
            } catch (IllegalArgumentException | IllegalStateException e) {
                System.err.println("coffer: " + e.getMessage());
                return SETUP_FAILED;
            }
            Thread stopper = new Thread(() -> ShutdownWatchdog.closeWithin(server, STOP_DEADLINE_MILLIS,
                    () -> Runtime.getRuntime().halt(1)), "coffer-shutdown");
            Runtime.getRuntime().addShutdownHook(stopper);
            Thread.currentThread().join();
            return 0;
        }
    }
}
