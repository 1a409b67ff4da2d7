package io.coffer;

import io.coffer.config.ServerConfig;
import io.coffer.db.Database;
import io.coffer.keys.KeyVault;
import io.coffer.keys.MasterKeyFile;
import io.coffer.workspace.db.JdbcWorkspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the vault that seals workspace keys at rest: reads {@code COFFER_MASTER_KEY_FILE}, or
 * creates it on a database that never had one, and checks that it is the database's key.
 */
final class MasterKey {

    private static final Logger LOG = LoggerFactory.getLogger(MasterKey.class);

    private MasterKey() {
    }

    /** The vault of a database; stops with a message for the operator when the key file is missing or wrong. */
    static KeyVault open(ServerConfig config, Database database, SecureRandom random) {
        Path file = config.masterKeyFile();
        Optional<String> sealedUnder = JdbcWorkspaces.probeKeyId(database.unitOfWork());
        byte[] key;
        if (Files.exists(file)) {
            key = MasterKeyFile.read(file);
        } else if (sealedUnder.isPresent()) {
            throw new IllegalStateException("the master key file " + file + " does not exist, but this database's keys are"
                    + " sealed under master key " + sealedUnder.get() + ": restore that file or point COFFER_MASTER_KEY_FILE"
                    + " at it" + (Files.exists(Path.of(file + ".new")) ? " (" + file + ".new exists: a rotation was"
                    + " interrupted after the database changed; that file is the key)" : ""));
        } else {
            key = MasterKeyFile.create(file, random);
            LOG.info("created the master key file {}: back it up, apart from the database", file.toAbsolutePath().normalize());
        }
        KeyVault vault = new KeyVault(key, random);
        try {
            new JdbcWorkspaces(vault).checkMasterKey(database.unitOfWork());
        } catch (IllegalStateException e) {
            Path interrupted = Path.of(file + ".new");
            throw Files.exists(interrupted) ? new IllegalStateException(e.getMessage() + " (" + interrupted
                    + " exists: a key rotation was interrupted after resealing; that file is probably the key)") : e;
        }
        return vault;
    }
}
