package io.coffer;

import io.coffer.common.Outcome;
import io.coffer.config.ServerConfig;
import io.coffer.db.Database;
import io.coffer.keys.KeyVault;
import io.coffer.keys.MasterKeyFile;
import io.coffer.workspace.db.JdbcWorkspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code coffer keys ...}: the master key that seals workspace keys at rest. */
@Command(name = "keys", mixinStandardHelpOptions = true, description = "Manage the master key.",
        subcommands = KeysCommand.RotateMaster.class)
final class KeysCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, System.out);
        return 0;
    }

    /**
     * Seals every workspace's keys under a new master key. The new key is written to
     * {@code FILE.new} first, the database is resealed in one transaction, then {@code FILE} becomes
     * {@code FILE.previous} and {@code FILE.new} becomes {@code FILE}: an interruption at any point
     * leaves a key file that opens the database. Stop every Coffer on this database first.
     */
    @Command(name = "rotate-master", mixinStandardHelpOptions = true,
            description = "Reseal every workspace key under a new master key (COFFER_MASTER_KEY_FILE is replaced; the old"
                    + " key is kept as FILE.previous for your backups). Stop the server(s) first.")
    static final class RotateMaster extends DatabaseCommand {

        @Override
        int run(ServerConfig config, Database database, KeyVault current, SecureRandom random) {
            Path file = config.masterKeyFile();
            Path next = Path.of(file + ".new");
            Path previous = Path.of(file + ".previous");
            if (Files.exists(next)) {
                throw new IllegalStateException(next + " exists: an earlier rotation did not finish; if the server"
                        + " refuses " + file + ", move " + next + " over it, otherwise delete " + next);
            }
            KeyVault rotated = new KeyVault(MasterKeyFile.create(next, random), random);
            int resealed = database.unitOfWork().write(tx ->
                    Outcome.ok(new JdbcWorkspaces(current).reseal(tx, rotated))).orElseThrow();
            try {
                Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
                Files.move(next, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                System.err.println("coffer: the database is resealed under " + next + " but the key files could not be"
                        + " renamed (" + e.getMessage() + "): move " + next + " over " + file + " by hand");
                return 1;
            }
            System.out.println("master key rotated: " + current.keyId() + " -> " + rotated.keyId() + "; " + resealed
                    + " workspaces resealed. The previous key is in " + previous
                    + ": keep it while backups taken before now may need restoring, then destroy it.");
            return 0;
        }
    }
}
