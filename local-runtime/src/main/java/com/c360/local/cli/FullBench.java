package com.c360.local.cli;

import com.c360.local.IngestReport;
import com.c360.local.RepoLayout;
import com.c360.local.bench.BenchInput;
import com.c360.local.bench.CoreScaling;
import com.c360.local.bench.DeployableJars;
import com.c360.local.bench.DuckDbSummary;
import com.c360.local.bench.FullBenchResult;
import com.c360.local.bench.IncrementalBenchResult;
import com.c360.local.bench.LocalBenchPipeline;
import com.c360.local.bench.PeakRss;
import com.c360.local.bench.StagingLoadComparison;
import com.c360.local.bench.SummaryTotals;
import com.c360.local.bench.TopSpendersLatency;
import com.c360.local.bench.TriggerColdStartBench;
import com.c360.local.machine.GitCommit;
import com.c360.local.machine.MachineFacts;
import com.c360.local.sample.SampleDataGenerator;
import com.c360.local.sample.SampleFile;
import com.c360.local.sample.SampleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code bench} (full) and {@code bench --smoke}: one generated CSV ingested end to end in a fresh home, then, on what
 * that left, every comparison {@link FullBenchResult} reports. A comparison that fails is recorded and the others
 * still run, so a long run is not lost to one of them.
 */
final class FullBench {
    private static final double NANOS_PER_SECOND = 1e9;

    private final C360Cli cli;

    FullBench(C360Cli cli) {
        this.cli = cli;
    }

    /**
     * @param settings the big file's
     * @param newPurchaseRows rows of the file of new purchases ingested on the full and on an empty history
     */
    FullBenchResult run(Path root, Instant startedAt, String mode, SampleSettings settings, int newPurchaseRows)
            throws IOException {
        Map<String, String> errors = new LinkedHashMap<>();
        // Where the pipeline itself finds the FX table (LocalPipeline), and the jars next to it.
        RepoLayout repo = RepoLayout.locate();
        cli.out().printf("bench: generating %d rows of %d customers%n", settings.purchases(), settings.customers());
        SampleFile sample = new SampleDataGenerator(settings).writeTo(root.resolve("samples")).get(0);
        BenchInput input = new BenchInput(sample.dataRows(), Files.size(sample.path()), settings.seed(),
                settings.customers());
        SampleFile newPurchases = new SampleDataGenerator(newPurchaseSettings(settings, sample, newPurchaseRows))
                .writeTo(root.resolve("new-purchases")).get(0);

        Path fullHome = root.resolve("full-history");
        String database;
        double sparkStartSeconds;
        IngestReport ingestion;
        SummaryTotals pipelineTotals = null;
        TopSpendersLatency.Result topSpenders = null;
        StagingLoadComparison.Result stagingLoad = null;
        try (LocalBenchPipeline pipeline = open(fullHome)) {
            database = pipeline.database();
            long started = System.nanoTime();
            pipeline.warmUp();
            sparkStartSeconds = secondsSince(started);
            cli.out().println("bench: the file end to end");
            // No ingestion date: the trigger takes the upload's day, as for a real upload.
            ingestion = pipeline.ingest(sample.path(), Optional.empty(), Optional.empty());
            if (ingestion.succeeded()) {
                long purchases = ingestion.rowsValid();
                pipelineTotals = attempt(errors, "pipeline_totals",
                        () -> SummaryTotals.ofSummaryTable(pipeline.dataSource(), purchases));
                cli.out().println("bench: top-spenders latency");
                topSpenders = attempt(errors, "top_spenders", () -> TopSpendersLatency.measure(pipeline.dataSource()));
                cli.out().println("bench: staging load, COPY vs JDBC batches");
                stagingLoad = attempt(errors, "staging_load", () -> StagingLoadComparison.run(pipeline.dataSource()));
            }
        }
        DuckDbSummary.Run duckDb = null;
        FullBenchResult.Incremental incremental = null;
        TriggerColdStartBench.Result trigger = null;
        CoreScaling.Result scaling = null;
        if (ingestion.succeeded()) {
            cli.out().println("bench: DuckDB from the same CSV");
            duckDb = attempt(errors, "duckdb",
                    () -> DuckDbSummary.compute(sample.path(), repo.defaultFxRates(), cli.sparkCores()));
            incremental = attempt(errors, "incremental",
                    () -> incremental(fullHome, root.resolve("empty-history"), newPurchases));
            cli.out().println("bench: trigger cold start");
            trigger = attempt(errors, "trigger", () -> TriggerColdStartBench.run(
                    repo.root().resolve(DeployableJars.TRIGGER), root));
            cli.out().println("bench: bronze->silver on 1 and on 2 cores (child JVMs)");
            scaling = attempt(errors, "bronze_to_silver_scaling", () -> CoreScaling.run(sample.path(), root, repo));
        } else {
            errors.put("end_to_end", "the ingestion failed, so nothing was compared: " + ingestion.error());
        }
        return new FullBenchResult(mode, startedAt, GitCommit.head(repo.root()).orElse(null),
                MachineFacts.current(cli.sparkCores()), input, database, sparkStartSeconds, ingestion, duckDb,
                pipelineTotals, stagingLoad, incremental, trigger, DeployableJars.sizes(repo.root()), topSpenders,
                scaling, PeakRss.ofThisProcess(), errors);
    }

    /**
     * New purchases (ids after the big file's) of the big file's first customers, as a daily file's customers are
     * mostly known ones.
     */
    static SampleSettings newPurchaseSettings(SampleSettings big, SampleFile bigFile, int rows) {
        int purchases = rows - BenchCommand.PLANTED_BAD_ROWS;
        return SampleSettings.defaults(big.seed() + 1).withFiles(1)
                .withCustomers(Math.min(purchases, big.customers()))
                .withPurchases(purchases)
                .withFirstPurchaseId(big.firstPurchaseId() + bigFile.dataRows());
    }

    /** The file on the full history (a fresh Spark session on the same home), then in a home of its own. */
    private FullBenchResult.Incremental incremental(Path fullHome, Path emptyHome, SampleFile file) {
        cli.out().println("bench: the file of new purchases on the full history");
        IncrementalBenchResult.Run fullHistory;
        try (LocalBenchPipeline pipeline = open(fullHome)) {
            fullHistory = IncrementalBench.measure(pipeline, file);
        }
        cli.out().println("bench: the file of new purchases on an empty history");
        IncrementalBenchResult.Run emptyHistory;
        try (LocalBenchPipeline pipeline = open(emptyHome)) {
            emptyHistory = IncrementalBench.measure(pipeline, file);
        }
        return new FullBenchResult.Incremental(file.dataRows(), fullHistory, emptyHistory);
    }

    private LocalBenchPipeline open(Path home) {
        return LocalBenchPipeline.open(home, cli.environment(), cli.out(), cli.sparkCores());
    }

    private <T> T attempt(Map<String, String> errors, String measurement, Supplier<T> measure) {
        try {
            return measure.get();
        } catch (RuntimeException e) {
            StringBuilder causes = new StringBuilder(e.toString());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                causes.append("; caused by ").append(cause);
            }
            errors.put(measurement, causes.toString());
            cli.err().println("bench: " + measurement + " failed: " + causes);
            return null;
        }
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / NANOS_PER_SECOND;
    }
}
