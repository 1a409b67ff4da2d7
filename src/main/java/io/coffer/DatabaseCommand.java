package io.coffer;

import io.coffer.config.ServerConfig;
import io.coffer.db.Database;
import io.coffer.keys.KeyVault;
import java.security.SecureRandom;
import java.util.concurrent.Callable;

/**
 * A command that works on the database the {@code COFFER_*} variables name, with its key vault open:
 * it prints its answer (not the libraries' progress), and a setting, a database or a key that is not
 * what it needs ends it with one line saying why and {@link Main#SETUP_FAILED}.
 */
abstract class DatabaseCommand implements Callable<Integer> {

    /** Does the command's work; answers the exit status. */
    abstract int run(ServerConfig config, Database database, KeyVault vault, SecureRandom random) throws Exception;

    @Override
    public final Integer call() throws Exception {
        Main.quietLogs();
        try {
            ServerConfig config = Main.config();
            try (Database database = Database.open(config)) {
                SecureRandom random = new SecureRandom();
                return run(config, database, MasterKey.open(config, database, random), random);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("coffer: " + e.getMessage());
            return Main.SETUP_FAILED;
        }
    }
}
