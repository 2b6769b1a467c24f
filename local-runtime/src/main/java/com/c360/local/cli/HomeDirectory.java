package com.c360.local.cli;

import com.c360.local.LocalLake;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Where a local installation keeps its state: the filesystem lake, the embedded database, generated samples. */
public record HomeDirectory(Path root) {

    public Path lake() {
        return localLake().root();
    }

    public Path gold() {
        return localLake().layer(LocalLake.GOLD);
    }

    public Path samples() {
        return root.resolve("samples");
    }

    private LocalLake localLake() {
        return LocalLake.inHome(root);
    }

    /** Removes the lake with everything in it; a missing lake is already reset. */
    public void deleteLake() {
        deleteTree(lake());
    }

    /** Removes the whole home (lake, database files, samples); stop the embedded database first. */
    public void delete() {
        deleteTree(root);
    }

    private static void deleteTree(Path top) {
        if (!Files.exists(top)) {
            return;
        }
        try (Stream<Path> entries = Files.walk(top)) {
            for (Path entry : entries.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + top, e);
        }
    }
}
