package com.c360.local.cli;

import com.c360.local.IngestReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.ExitCode;

/** Ingests files one after another and prints a summary per execution; shared by {@code ingest} and {@code demo}. */
final class IngestRuns {
    private IngestRuns() {
    }

    /** Every file is attempted even after a failure; the exit code is non-zero if any execution failed. */
    static int ingestAll(List<Path> files, Optional<LocalDate> ingestionDate, Optional<Path> fxFile,
            Ingestor ingestor, PrintStream out, PrintStream err) {
        int failed = 0;
        for (Path file : files) {
            IngestReport report = ingestor.ingest(file, ingestionDate, fxFile);
            out.print(summary(report));
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

    static String summary(IngestReport report) {
        if (!report.succeeded()) {
            return String.format(Locale.ROOT, "%s: FAILED after %.1f s (execution %s): %s%n",
                    report.file(), report.seconds(), report.executionName(), report.error());
        }
        return String.format(Locale.ROOT, "%s: succeeded in %.1f s (execution %s)%n"
                        + "  rows read %d, valid %d, quarantined %d, duplicates collapsed %d, customers upserted %d%n",
                report.file(), report.seconds(), report.executionName(), report.rowsRead(), report.rowsValid(),
                report.rowsQuarantined(), report.duplicatesCollapsed(), report.customersUpserted());
    }
}
