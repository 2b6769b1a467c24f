package com.c360.local.cli;

import com.c360.local.IngestReport;
import com.c360.local.LocalLake;
import com.c360.local.bench.BenchInput;
import com.c360.local.bench.HistorySeeder;
import com.c360.local.bench.IncrementalBenchResult;
import com.c360.local.bench.LocalBenchPipeline;
import com.c360.local.machine.GitCommit;
import com.c360.local.machine.MachineFacts;
import com.c360.local.sample.SampleDataGenerator;
import com.c360.local.sample.SampleFile;
import com.c360.local.sample.SampleSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * {@code bench --incremental}: whether cost follows new data. One generated file of new purchases is ingested in three
 * fresh homes under one temporary directory: first unmeasured (warm-up), then measured on an empty history, then
 * measured on a history of {@code historyRows} purchases seeded straight into silver and gold (seeded before the
 * empty-history run).
 */
final class IncrementalBench {
    private static final double NANOS_PER_SECOND = 1e9;

    private final C360Cli cli;
    private final Function<Path, LocalBenchPipeline> pipelines;

    IncrementalBench(C360Cli cli) {
        this.cli = cli;
        this.pipelines = home -> LocalBenchPipeline.open(home, cli.environment(), cli.out(), cli.sparkCores());
    }

    /** The file's customers are the history's first ones, as a daily file's customers are mostly known ones. */
    static int fileCustomers(int purchases, long historyRows) {
        return Math.min(purchases, HistorySeeder.customersFor(historyRows));
    }

    /** @param warmUp whether to ingest the file once, unmeasured, before the measured runs */
    IncrementalBenchResult run(Path root, Instant startedAt, SampleSettings settings, long historyRows,
            boolean warmUp) throws IOException {
        SampleFile sample = new SampleDataGenerator(settings).writeTo(root.resolve("samples")).get(0);
        BenchInput input = new BenchInput(sample.dataRows(), Files.size(sample.path()),
                settings.seed(), settings.customers());

        OptionalDouble warmUpSeconds = OptionalDouble.empty();
        if (warmUp) {
            cli.out().println("bench --incremental: warm-up ingestion (not measured)");
            try (LocalBenchPipeline pipeline = pipelines.apply(root.resolve("warm-up"))) {
                long started = System.nanoTime();
                pipeline.warmUp();
                requireSucceeded("warm-up", ingest(pipeline, sample));
                warmUpSeconds = OptionalDouble.of(secondsSince(started));
            }
        }

        // Seeding before the empty-history run: its minute of Spark work leaves both measured runs equally warm.
        Path historyHome = root.resolve("with-history");
        cli.out().printf("bench --incremental: seeding %d rows of history (not measured)%n", historyRows);
        IncrementalBenchResult.History history;
        try (LocalBenchPipeline pipeline = pipelines.apply(historyHome)) {
            long started = System.nanoTime();
            HistorySeeder.Seeded seeded = new HistorySeeder(pipeline.spark(), LocalLake.inHome(historyHome))
                    .seed(historyRows);
            history = new IncrementalBenchResult.History(seeded.silverRows(),
                    HistorySeeder.customersFor(historyRows), seeded.silverFiles(), seeded.goldRows(),
                    secondsSince(started));
        }

        cli.out().println("bench --incremental: the file on an empty history");
        IncrementalBenchResult.Run emptyHistory;
        String database;
        try (LocalBenchPipeline pipeline = pipelines.apply(root.resolve("empty-history"))) {
            database = pipeline.database();
            emptyHistory = measure(pipeline, sample);
        }

        cli.out().println("bench --incremental: the file on the history");
        IncrementalBenchResult.Run withHistory;
        try (LocalBenchPipeline pipeline = pipelines.apply(historyHome)) {
            withHistory = measure(pipeline, sample);
        }
        return new IncrementalBenchResult(startedAt, GitCommit.head(cli.repoRoot()).orElse(null),
                MachineFacts.current(cli.sparkCores()), input, database, history, warmUpSeconds, emptyHistory,
                withHistory);
    }

    static IncrementalBenchResult.Run measure(LocalBenchPipeline pipeline, SampleFile sample) {
        long started = System.nanoTime();
        pipeline.warmUp();
        double sparkStartSeconds = secondsSince(started);
        return new IncrementalBenchResult.Run(sparkStartSeconds, ingest(pipeline, sample));
    }

    private static IngestReport ingest(LocalBenchPipeline pipeline, SampleFile sample) {
        // No ingestion date: the trigger takes the upload's day, as for a real upload.
        return pipeline.ingest(sample.path(), Optional.empty(), Optional.empty());
    }

    /** A failed warm-up would leave the measured runs to fail the same way, after minutes of seeding. */
    private static void requireSucceeded(String what, IngestReport report) {
        if (!report.succeeded()) {
            throw new IllegalStateException("the " + what + " ingestion failed: " + report.error());
        }
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / NANOS_PER_SECOND;
    }
}
