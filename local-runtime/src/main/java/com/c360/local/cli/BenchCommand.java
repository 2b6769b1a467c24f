package com.c360.local.cli;

import com.c360.local.bench.FullBenchResult;
import com.c360.local.bench.IncrementalBenchResult;
import com.c360.local.sample.BadRowKind;
import com.c360.local.sample.SampleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * The benchmark: one generated CSV through the pipeline and every comparison made on what it left ({@link FullBench}),
 * or {@code --incremental}. It runs in a fresh temporary home so neither the user's {@code .c360} state nor an
 * earlier benchmark changes what the stages have to do.
 */
@Command(name = "bench",
        description = "Times one generated purchase CSV through the pipeline in a fresh temporary home (--home is "
                + "not used), compares it with DuckDB, the staging load with JDBC batches, a file of new purchases "
                + "on the full and on an empty history, the trigger's cold start, top-spenders latency and 1 vs 2 "
                + "cores, and writes the result as JSON and markdown.")
final class BenchCommand implements Callable<Integer> {
    /** The full run: 10 million rows of a million customers. */
    static final int DEFAULT_ROWS = 10_000_000;
    static final int DEFAULT_CUSTOMERS = 1_000_000;
    /** A tenth of a hundredth: small enough for CI on 2 cores, the same measurements. */
    static final int SMOKE_ROWS = 100_000;
    static final int SMOKE_CUSTOMERS = 10_000;
    /** The daily file: 10,000 rows on a 10-million-row history. */
    static final int DEFAULT_INCREMENTAL_ROWS = 10_000;
    static final long DEFAULT_HISTORY_ROWS = 10_000_000;
    static final String RESULTS_DIRECTORY = "bench-results";
    /** The generator plants its default bad rows of every kind; the rest of the file is valid purchases. */
    static final int PLANTED_BAD_ROWS = SampleSettings.DEFAULT_BAD_ROWS_PER_KIND * BadRowKind.values().length;

    private static final DateTimeFormatter FILE_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final double NANOS_PER_SECOND = 1e9;

    @ParentCommand
    C360Cli cli;

    @Spec
    CommandSpec spec;

    int rows;

    int customers;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Sample data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the JSON result (the markdown goes next to it, as .md). Default: <repo>/"
                    + RESULTS_DIRECTORY + "/bench-<UTC timestamp>.json (bench-smoke-..., bench-incremental-... in "
                    + "those modes).")
    Path out;

    @Option(names = "--smoke", description = "The same measurements on " + SMOKE_ROWS + " rows of " + SMOKE_CUSTOMERS
            + " customers unless --rows/--customers say otherwise: a check that the benchmark works, for CI.")
    boolean smoke;

    @Option(names = "--keep", description = "Keep the temporary home (lake, database, CSV) and print where it is.")
    boolean keep;

    @Option(names = "--incremental", description = "Ingest the file twice, on an empty history and on a seeded one "
            + "of --history-rows purchases, and compare the times (the file's customers are then the history's).")
    boolean incremental;

    @Option(names = "--history-rows", paramLabel = "N", defaultValue = "" + DEFAULT_HISTORY_ROWS,
            description = "With --incremental: purchases in the seeded history (default: ${DEFAULT-VALUE}).")
    long historyRows;

    @Option(names = "--skip-warm-up", description = "With --incremental: no unmeasured ingestion first. Quicker, but "
            + "the empty-history run then also pays for the JVM's compiling Spark; for smoke tests.")
    boolean skipWarmUp;

    /** Tests fix the clock, and with it the result's file name. */
    Clock clock = Clock.systemUTC();

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + DEFAULT_ROWS,
            description = "Data rows in the CSV, including " + SampleSettings.DEFAULT_BAD_ROWS_PER_KIND
                    + " planted bad rows of each kind (default: ${DEFAULT-VALUE}; " + SMOKE_ROWS + " with --smoke, "
                    + DEFAULT_INCREMENTAL_ROWS + " with --incremental).")
    void setRows(int value) {
        if (value <= PLANTED_BAD_ROWS) {
            throw new ParameterException(spec.commandLine(),
                    "--rows must be more than the " + PLANTED_BAD_ROWS + " planted bad rows, was " + value);
        }
        rows = value;
    }

    @Option(names = "--customers", paramLabel = "N", defaultValue = "" + DEFAULT_CUSTOMERS,
            description = "Distinct customers (default: ${DEFAULT-VALUE}; " + SMOKE_CUSTOMERS + " with --smoke).")
    void setCustomers(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--customers must be at least 1, was " + value);
        }
        customers = value;
    }

    @Override
    public Integer call() throws IOException {
        if (incremental) {
            return callIncremental();
        }
        Instant startedAt = clock.instant();
        HomeDirectory root = new HomeDirectory(Files.createTempDirectory("c360-bench-"));
        try {
            String mode = smoke ? "smoke" : "full";
            SampleSettings settings = SampleSettings.defaults(seed).withFiles(1)
                    .withCustomers(smoke && !given("--customers") ? SMOKE_CUSTOMERS : customers)
                    .withPurchases((smoke && !given("--rows") ? SMOKE_ROWS : rows) - PLANTED_BAD_ROWS);
            FullBenchResult result = new FullBench(cli).run(root.root(), startedAt, mode, settings,
                    DEFAULT_INCREMENTAL_ROWS);
            Path written = write(result.toJson(), "bench-" + (smoke ? "smoke-" : ""), startedAt);
            Path markdown = Files.writeString(written.resolveSibling(
                    written.getFileName().toString().replaceFirst("\\.json$", "") + ".md"), result.toMarkdown());
            cli.out().print(result.toMarkdown());
            cli.out().println("wrote " + written + " and " + markdown);
            if (!result.ingestion().succeeded()) {
                cli.err().println("error: the benchmark's execution failed");
                return ExitCode.SOFTWARE;
            }
            if (!result.totalsEqual()) {
                cli.err().println("error: the pipeline's summary and DuckDB's differ (or one is missing)");
                return ExitCode.SOFTWARE;
            }
            if (!result.errors().isEmpty()) {
                cli.err().println("error: not measured: " + String.join(", ", result.errors().keySet()));
                return ExitCode.SOFTWARE;
            }
            return ExitCode.OK;
        } finally {
            if (keep) {
                cli.out().println("kept the benchmark home " + root.root());
            } else {
                root.delete();
            }
        }
    }

    private Integer callIncremental() throws IOException {
        Instant startedAt = clock.instant();
        HomeDirectory root = new HomeDirectory(Files.createTempDirectory("c360-bench-incremental-"));
        try {
            int purchases = incrementalFileRows() - PLANTED_BAD_ROWS;
            SampleSettings settings = SampleSettings.defaults(seed).withFiles(1)
                    .withCustomers(IncrementalBench.fileCustomers(purchases, historyRows)).withPurchases(purchases);
            IncrementalBenchResult result = new IncrementalBench(cli).run(root.root(), startedAt, settings,
                    historyRows, !skipWarmUp);
            Path written = write(result.toJson(), "bench-incremental-", startedAt);
            cli.out().print(result.summary());
            cli.out().println("wrote " + written);
            if (!result.succeeded()) {
                cli.err().println("error: an execution of the benchmark failed");
                return ExitCode.SOFTWARE;
            }
            return ExitCode.OK;
        } finally {
            if (keep) {
                cli.out().println("kept the benchmark home " + root.root());
            } else {
                root.delete();
            }
        }
    }

    /** {@code --rows} if given; else the daily file, not the single-run default. */
    int incrementalFileRows() {
        return given("--rows") ? rows : DEFAULT_INCREMENTAL_ROWS;
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    private Path write(String json, String namePrefix, Instant startedAt) throws IOException {
        Path file = out != null ? out : cli.repoRoot().resolve(RESULTS_DIRECTORY)
                .resolve(namePrefix + FILE_TIMESTAMP.format(startedAt) + ".json");
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, json);
    }
}
