package com.c360.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's local filesystem for the {@code file:} lake, setting permissions through Java instead of a process.
 *
 * <p>Without Hadoop's native library, which no Maven artifact ships, {@link RawLocalFileSystem} forks {@code chmod}
 * for every file it creates and every directory it makes: about 290 processes per exactly-once scenario, each a fork
 * of a multi-gigabyte JVM. The permission bits set are the same. On AWS the lake is S3, which has no permission bits,
 * so the Glue jobs never reach this class.
 */
public final class LocalLakeFileSystem extends LocalFileSystem {
    public LocalLakeFileSystem() {
        super(new JavaPermissions());
    }

    static final class JavaPermissions extends RawLocalFileSystem {
        /** In the order of {@link FsPermission#toShort()}'s bits from 0400 down to 0001. */
        private static final PosixFilePermission[] BY_BIT = PosixFilePermission.values();

        @Override
        public void setPermission(Path path, FsPermission permission) throws IOException {
            Files.setPosixFilePermissions(pathToFile(path).toPath(), posix(permission));
        }

        static Set<PosixFilePermission> posix(FsPermission permission) {
            Set<PosixFilePermission> granted = EnumSet.noneOf(PosixFilePermission.class);
            for (int bit = 0; bit < BY_BIT.length; bit++) {
                if ((permission.toShort() & (0400 >> bit)) != 0) {
                    granted.add(BY_BIT[bit]);
                }
            }
            return granted;
        }
    }
}
