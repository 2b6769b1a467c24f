package com.c360.e2e.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.TableCatalog;
import com.c360.glue.table.IcebergCatalogs;
import com.c360.local.IngestReport;
import com.c360.local.LocalLake;
import com.c360.local.LocalPipeline;
import com.c360.local.LocalSpark;
import com.c360.local.RepoLayout;
import com.c360.local.asl.TaskFailedException;
import com.c360.local.asl.TaskHandler;
import com.c360.local.aws.TaskInterceptor;
import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded scenarios of uploads through the whole local pipeline: overlapping re-exports, corrections (a purchase
 * changing customer among them), unchanged re-uploads, duplicated and late events, concurrent executions, and crashes
 * before and after each stage followed by a re-run of the execution. After each scenario every summary row and every
 * gold row must equal {@link ScenarioOracle}, which knows nothing of the pipeline.
 *
 * <p>{@code -Dc360.scenarios=N} runs N scenarios (25 by default), from seed {@code -Dc360.scenario.seed} (1),
 * each of {@code -Dc360.scenario.steps} steps at least (3; up to twice that).
 */
class ExactlyOnceScenarioIT {
    private static final int SCENARIOS = Integer.getInteger("c360.scenarios", 25);
    private static final long FIRST_SEED = Long.getLong("c360.scenario.seed", 1);
    private static final int MIN_STEPS = Integer.getInteger("c360.scenario.steps", 3);
    /** The crash to inject into the execution running on this thread, cleared once it fired. */
    private static final ThreadLocal<Fault> PENDING_FAULT = new ThreadLocal<>();

    @TempDir
    static Path work;

    private static PostgresTestDatabase server;
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    @BeforeAll
    static void startDatabase() {
        server = PostgresTestDatabase.create(ExactlyOnceScenarioIT.class);
    }

    @AfterAll
    static void stopSparkAndDatabase() {
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> seededScenarios_everySummaryAndGoldRowEqualsTheOracle() {
        return LongStream.range(FIRST_SEED, FIRST_SEED + SCENARIOS).mapToObj(seed -> DynamicTest.dynamicTest(
                "seed " + seed, () -> run(new ScenarioGenerator(seed, FxRates.reference(), MIN_STEPS, 2 * MIN_STEPS)
                        .generate())));
    }

    private static void run(Scenario scenario) throws Exception {
        Path home = work.resolve("seed-" + scenario.seed());
        try (LocalDatabase database = LocalDatabase.open(home, server.connectionEnvironment(LocalDatabase.URL_ENV,
                LocalDatabase.USER_ENV, LocalDatabase.PASSWORD_ENV))) {
            emptyTables(database);
            // Not closed: closing would stop the SparkSession every scenario shares.
            LocalPipeline pipeline = LocalPipeline.open(RepoLayout.locate(), home, database, QUIET,
                    ExactlyOnceScenarioIT::crashOnce);
            new Driver(scenario, pipeline, home.resolve("in")).deliverEveryStep();

            Map<Long, ExpectedSummary> expected = ScenarioOracle.expected(FxRates.reference(), scenario.uploads());
            assertThat(summaryTable(database)).as(scenario.describe())
                    .containsExactlyEntriesOf(withoutCounts(expected));
            assertThat(goldTable(home)).as(scenario.describe()).containsExactlyEntriesOf(expected);
        }
    }

    /** Runs the scenario's steps in order; a step's several deliveries run at once, each on its own thread. */
    private record Driver(Scenario scenario, LocalPipeline pipeline, Path inbox) {
        void deliverEveryStep() throws Exception {
            Map<Long, LocalPipeline.Upload> uploaded = new HashMap<>();
            ExecutorService threads = Executors.newCachedThreadPool();
            try {
                for (Step step : scenario.steps()) {
                    long newest = step.deliveries().stream().mapToLong(d -> d.upload().order()).max().orElseThrow();
                    // Put every upload up to this step's newest into bronze, in order: a late event's object was
                    // uploaded before the newer ones whose events overtook it.
                    scenario.uploads().stream().filter(u -> u.order() <= newest && !uploaded.containsKey(u.order()))
                            .forEach(u -> uploaded.put(u.order(), upload(u)));
                    List<Future<?>> running = new ArrayList<>();
                    for (Delivery delivery : step.deliveries()) {
                        running.add(threads.submit(() -> deliver(step, delivery, uploaded.get(
                                delivery.upload().order()))));
                    }
                    for (Future<?> delivery : running) {
                        delivery.get(10, TimeUnit.MINUTES);
                    }
                }
            } finally {
                threads.shutdownNow();
            }
        }

        private LocalPipeline.Upload upload(Upload upload) {
            try {
                Files.createDirectories(inbox);
                // One key per upload: a re-upload under the same key would replace the object a late event reads.
                Path csv = Files.writeString(inbox.resolve("u" + upload.order() + "-" + upload.fileName()),
                        upload.toCsv());
                return pipeline.upload(csv, Optional.of(upload.ingestionDate()), Optional.empty());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Void deliver(Step step, Delivery delivery, LocalPipeline.Upload upload) {
            delivery.fault().ifPresent(PENDING_FAULT::set);
            IngestReport report;
            try {
                report = pipeline.deliver(upload);
            } finally {
                PENDING_FAULT.remove();
            }
            if (report.succeeded()) {
                return null;
            }
            String context = step.kind() + " " + delivery + ": " + report.error() + "\n" + scenario.describe();
            if (report.executionName() == null) {
                assertThat(report.error()).as(context).startsWith("duplicate delivery");
                return null;
            }
            assertThat(delivery.fault()).as("unexpected failure in " + context).isPresent();
            IngestReport rerun = pipeline.rerun(report.executionName(), Optional.empty());
            assertThat(rerun.succeeded()).as("re-run after " + context + "\nre-run: " + rerun.error()).isTrue();
            return null;
        }
    }

    /** Crashes the stage the delivery's fault names, once, before or after the stage does its work. */
    private static TaskHandler crashOnce(TaskHandler handler) {
        return (resource, parameters, context) -> {
            Fault fault = PENDING_FAULT.get();
            if (fault == null || !fault.stage().stateName().equals(context.stateName())) {
                return handler.invoke(resource, parameters, context);
            }
            PENDING_FAULT.remove();
            if (fault.when() == Fault.When.AFTER) {
                JsonNode done = handler.invoke(resource, parameters, context);
                assertThat(done).isNotNull();
            }
            throw new TaskFailedException("States.TaskFailed", "injected: " + fault);
        };
    }

    private static void emptyTables(LocalDatabase database) throws SQLException {
        com.c360.local.db.C360Tables.empty(database.dataSource());
    }

    private static Map<Long, ExpectedSummary> withoutCounts(Map<Long, ExpectedSummary> expected) {
        Map<Long, ExpectedSummary> rows = new TreeMap<>();
        expected.forEach((customer, row) -> rows.put(customer, new ExpectedSummary(customer, row.fullName(),
                row.email(), row.totalSpentAud(), 0, row.firstPurchaseDate(), row.lastPurchaseDate())));
        return rows;
    }

    /** The summary has no purchase count; 0 stands in for it, as in {@link #withoutCounts}. */
    private static Map<Long, ExpectedSummary> summaryTable(LocalDatabase database) throws SQLException {
        Map<Long, ExpectedSummary> rows = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT * FROM customer_purchase_summary")) {
            while (rs.next()) {
                rows.put(rs.getLong("customer_id"), new ExpectedSummary(rs.getLong("customer_id"),
                        rs.getString("full_name"), rs.getString("email"), rs.getBigDecimal("total_spent_aud"), 0,
                        rs.getObject("first_purchase_date", LocalDate.class),
                        rs.getObject("last_purchase_date", LocalDate.class)));
            }
        }
        return rows;
    }

    /** Gold as Athena reads it: the Iceberg table's current snapshot. */
    private static Map<Long, ExpectedSummary> goldTable(Path home) {
        SparkSession spark = LocalSpark.start("scenario");
        TableCatalog catalog = TableCatalog.local();
        IcebergCatalogs.gold(spark, catalog, LocalLake.inHome(home).uri(LocalLake.GOLD));
        Map<Long, ExpectedSummary> rows = new TreeMap<>();
        for (Row row : spark.table(catalog.goldTable()).collectAsList()) {
            rows.put(row.getAs("customer_id"), new ExpectedSummary(row.getAs("customer_id"), row.getAs("full_name"),
                    row.getAs("email"), row.getAs("total_spent_aud"), row.<Long>getAs("purchase_count"),
                    row.<java.sql.Date>getAs("first_purchase_date").toLocalDate(),
                    row.<java.sql.Date>getAs("last_purchase_date").toLocalDate()));
        }
        return rows;
    }
}
