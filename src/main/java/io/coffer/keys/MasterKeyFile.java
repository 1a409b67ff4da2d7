package io.coffer.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The master key file ({@code COFFER_MASTER_KEY_FILE}): 32 random bytes in base64 on one line,
 * readable by its owner only. Keep it apart from the database and back it up: without it the
 * workspaces' keys cannot be opened.
 */
public final class MasterKeyFile {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private MasterKeyFile() {
    }

    /** Reads a master key; a clear message when the file is missing or not a key. */
    public static byte[] read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("the master key file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the master key file " + file + ": " + e.getMessage(), e);
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the master key file " + file + " does not hold a base64 key");
        }
        if (key.length != KeyVault.KEY_BYTES) {
            throw new IllegalStateException("the master key file " + file + " holds " + key.length
                    + " bytes; a master key is " + KeyVault.KEY_BYTES);
        }
        return key;
    }

    /** A new random master key written to a file that must not exist yet, readable by its owner only. */
    public static byte[] create(Path file, SecureRandom random) {
        byte[] key = new byte[KeyVault.KEY_BYTES];
        random.nextBytes(key);
        write(file, key);
        return key;
    }

    /** Writes a key to a new file (mode 0600 where the file system has POSIX permissions), flushed to disk. */
    public static void write(Path file, byte[] key) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
            }
            try (var channel = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n")
                        .getBytes(StandardCharsets.US_ASCII)));
                channel.force(true);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalStateException("the master key file " + file + " already exists; it is never overwritten");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the master key file " + file, e);
        }
    }
}
