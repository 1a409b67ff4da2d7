package io.coffer;

import io.coffer.config.ServerConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command line. */
@Command(name = "coffer", mixinStandardHelpOptions = true, version = "Coffer 0.1.0",
        description = "A self-hosted custody server speaking the Ledger Enterprise API v1.",
        subcommands = {Main.Serve.class})
public final class Main implements Callable<Integer> {

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT.%1$tLZ %4$s %3$s: %5$s%6$s%n");
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    /** {@code coffer serve}: runs the server until the process is stopped. */
    @Command(name = "serve", mixinStandardHelpOptions = true,
            description = "Start the server (configured by COFFER_* environment variables; see README).")
    static final class Serve implements Callable<Integer> {

        @Override
        public Integer call() throws InterruptedException {
            ServerConfig config;
            try {
                config = ServerConfig.fromEnvironment(System.getenv());
            } catch (IllegalArgumentException e) {
                System.err.println("coffer: " + e.getMessage());
                return 2;
            }
            CofferServer server = CofferServer.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "coffer-shutdown"));
            stopped.await();
            return 0;
        }
    }
}
