package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.IngestReport;
import com.c360.local.Ingestor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestRunsTest {
    private static final IngestReport SUCCEEDED = new IngestReport("a.csv", "run-a", true,
            1015, 1000, 10, 5, 183, 12.34, Map.of(), null);
    private static final IngestReport FAILED = new IngestReport("b.csv", "run-b", false,
            0, 0, 0, 0, 0, 3.05, Map.of(), "States.TaskFailed: BronzeToSilverJob failed");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ingestAll(List<Path> files, Ingestor ingestor) {
        return IngestRuns.ingestAll(files, Optional.of(LocalDate.of(2025, 3, 1)), Optional.empty(), ingestor,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void summary_ofSucceededRun_listsRowAccounting() {
        assertThat(SUCCEEDED.summary()).isEqualTo(String.format(
                "a.csv: succeeded in 12.3 s (execution run-a)%n"
                        + "  rows read 1015, valid 1000, quarantined 10, duplicates collapsed 5, customers upserted 183%n"));
    }

    @Test
    void summary_ofFailedRun_carriesTheError() {
        assertThat(FAILED.summary()).isEqualTo(String.format(
                "b.csv: FAILED after 3.1 s (execution run-b): States.TaskFailed: BronzeToSilverJob failed%n"));
    }

    @Test
    void allRunsSucceed_exitsZero_afterIngestingEveryFileWithTheGivenDate() {
        List<Path> seen = new ArrayList<>();

        int exitCode = ingestAll(List.of(Path.of("a.csv"), Path.of("c.csv")), (file, date, fx) -> {
            seen.add(file);
            assertThat(date).contains(LocalDate.of(2025, 3, 1));
            return SUCCEEDED;
        });

        assertThat(exitCode).isZero();
        assertThat(seen).containsExactly(Path.of("a.csv"), Path.of("c.csv"));
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void oneRunFails_remainingFilesStillRun_andExitIsNonZero() {
        List<IngestReport> reports = List.of(FAILED, SUCCEEDED);
        List<Path> seen = new ArrayList<>();

        int exitCode = ingestAll(List.of(Path.of("b.csv"), Path.of("a.csv")), (file, date, fx) -> {
            seen.add(file);
            return reports.get(seen.size() - 1);
        });

        assertThat(exitCode).isEqualTo(1);
        assertThat(seen).hasSize(2);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("b.csv: FAILED", "BronzeToSilverJob failed", "a.csv: succeeded");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: 1 of 2 executions failed");
    }
}
