package io.coffer.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Coffer makes its data directory owner-only and tells when one it finds is open to others. */
class DataDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void aNewDataDirectoryIsItsOwnersAlone() throws Exception {
        Path data = temp.resolve("fresh");
        Database.h2Url(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(Database.openToOthers(data)).isFalse();
    }

    @Test
    void anExistingDirectoryOthersCanReadIsReportedNotChanged() throws Exception {
        Path data = Files.createDirectory(temp.resolve("shared"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(Database.openToOthers(data)).isTrue();
        Database.h2Url(data);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwxr-xr-x");
        assertThat(Database.openToOthers(temp.resolve("missing"))).isFalse();
    }
}
