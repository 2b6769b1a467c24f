package com.c360.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeFileSystemTest {
    @TempDir
    java.nio.file.Path temp;

    @Test
    void octalModes_becomeTheSamePosixPermissions() {
        assertThat(LocalLakeFileSystem.JavaPermissions.posix(new FsPermission((short) 0644)))
                .isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        assertThat(LocalLakeFileSystem.JavaPermissions.posix(new FsPermission((short) 0750)))
                .isEqualTo(PosixFilePermissions.fromString("rwxr-x---"));
        assertThat(LocalLakeFileSystem.JavaPermissions.posix(new FsPermission((short) 0007)))
                .isEqualTo(PosixFilePermissions.fromString("------rwx"));
    }

    /** Hadoop's own local filesystem, which forks chmod, is the oracle. */
    @Test
    void filesAndDirectories_getThePermissionsHadoopsLocalFileSystemGives() throws Exception {
        Configuration conf = new Configuration(false);
        try (FileSystem hadoops = new LocalFileSystem(); FileSystem lakes = new LocalLakeFileSystem()) {
            hadoops.initialize(temp.toUri(), conf);
            lakes.initialize(temp.toUri(), conf);
            for (String mode : new String[] {"rwxr-x---", "rw-------"}) {
                FsPermission permission = FsPermission.valueOf("-" + mode);
                for (FileSystem fs : new FileSystem[] {hadoops, lakes}) {
                    Path dir = new Path(temp.toUri().toString(), fs.getClass().getSimpleName() + "-" + mode + "/a/b");
                    assertThat(fs.mkdirs(dir, permission)).isTrue();
                    fs.create(new Path(dir, "part.parquet"), permission, false, 4096, (short) 1, 1 << 20, null)
                            .close();
                }
                java.nio.file.Path expected = temp.resolve("LocalFileSystem-" + mode + "/a/b");
                java.nio.file.Path actual = temp.resolve("LocalLakeFileSystem-" + mode + "/a/b");
                assertThat(Files.getPosixFilePermissions(actual)).isEqualTo(Files.getPosixFilePermissions(expected));
                assertThat(Files.getPosixFilePermissions(actual.resolve("part.parquet")))
                        .isEqualTo(Files.getPosixFilePermissions(expected.resolve("part.parquet")));
                assertThat(Files.exists(actual.resolve(".part.parquet.crc"))).isTrue();
            }
        }
    }
}
