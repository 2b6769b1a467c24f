package com.c360.local.cli;

import com.c360.local.IngestReport;
import com.c360.local.Ingestor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ExitCode;

/** Ingests files one after another and prints a summary per execution; shared by {@code ingest} and {@code demo}. */
final class IngestRuns {
    private IngestRuns() {
    }

    /** Every file is attempted even after a failure; the exit code is non-zero if any execution failed. */
    static int ingestAll(List<Path> files, Optional<LocalDate> ingestionDate, Optional<Path> fxFile,
            Ingestor ingestor, PrintStream out, PrintStream err) {
        return ingestAll(files, ingestionDate, fxFile, ingestor, report -> "", out, err);
    }

    /** As above, printing {@code details} of each execution after its summary line. */
    static int ingestAll(List<Path> files, Optional<LocalDate> ingestionDate, Optional<Path> fxFile,
            Ingestor ingestor, Function<IngestReport, String> details, PrintStream out, PrintStream err) {
        int failed = 0;
        for (Path file : files) {
            IngestReport report = ingestor.ingest(file, ingestionDate, fxFile);
            out.print(report.summary());
            out.print(details.apply(report));
            if (!report.succeeded()) {
                failed++;
            }
        }
        if (failed > 0) {
            err.printf(Locale.ROOT, "error: %d of %d executions failed%n", failed, files.size());
            return ExitCode.SOFTWARE;
        }
        return ExitCode.OK;
    }
}
