package com.c360.local;

import com.c360.local.IngestReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;

/** Runs one file through the pipeline; {@code LocalPipeline::ingest} in production, a fake in tests. */
@FunctionalInterface
public interface Ingestor {
    IngestReport ingest(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile);
}
