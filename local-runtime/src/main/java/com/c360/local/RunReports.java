package com.c360.local;

import com.c360.glue.silver.IngestionAudit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;

/** The run reports bronze→silver left in the local lake's audit folder, one per file ingested. */
public record RunReports(LocalLake lake) {

    /** Every report, oldest first. */
    public List<IngestionAudit> all() {
        Path audit = lake.layer(LocalLake.AUDIT);
        if (!Files.isDirectory(audit)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(audit)) {
            return files.filter(RunReports::isReport)
                    .map(file -> IngestionAudit.read(file.toUri().toString(), new Configuration()))
                    .sorted(Comparator.comparing(IngestionAudit::completedAt))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the run reports in " + audit, e);
        }
    }

    /** The report of the execution {@code runId}: its name, as the trigger gave it. */
    public Optional<IngestionAudit> of(String runId) {
        return all().stream().filter(report -> report.runId().equals(runId)).findFirst();
    }

    public Optional<IngestionAudit> last() {
        List<IngestionAudit> reports = all();
        return reports.isEmpty() ? Optional.empty() : Optional.of(reports.get(reports.size() - 1));
    }

    private static boolean isReport(Path file) {
        String name = file.getFileName().toString();
        // A record being written is a dot-file until it is renamed into place.
        return Files.isRegularFile(file) && name.endsWith(".json") && !name.startsWith(".");
    }
}
