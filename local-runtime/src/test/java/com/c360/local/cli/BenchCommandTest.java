package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.IngestReport;
import com.c360.local.bench.BenchPipeline;
import com.c360.local.machine.GitCommit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
    private static final Instant STARTED = Instant.parse("2025-03-01T10:15:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path repo;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private C360Cli cli() {
        Properties launchedFromRepo = new Properties();
        launchedFromRepo.setProperty(C360Cli.REPO_ROOT_PROPERTY, repo.toString());
        return new C360Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), launchedFromRepo);
    }

    private BenchCommand parse(String... args) {
        String[] withCommand = new String[args.length + 1];
        withCommand[0] = "bench";
        System.arraycopy(args, 0, withCommand, 1, args.length);
        return (BenchCommand) cli().commandLine().parseArgs(withCommand).subcommand().commandSpec().userObject();
    }

    private BenchCommand withFake(BenchCommand command, FakePipeline fake) {
        command.pipelines = home -> fake.openedIn(home);
        command.clock = Clock.fixed(STARTED, ZoneOffset.UTC);
        return command;
    }

    private static Map<String, Double> stages(Object... nameThenSeconds) {
        Map<String, Double> stages = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSeconds.length; i += 2) {
            stages.put((String) nameThenSeconds[i], (Double) nameThenSeconds[i + 1]);
        }
        return stages;
    }

    /** 200 rows in: 184 valid, 14 quarantined, 2 collapsed; stages add up to 15.7345 of the 20 s ingestion. */
    private static IngestReport succeeded() {
        return new IngestReport("bench.csv", "run-1", true, 200, 184, 14, 2, 5, 20.0,
                stages("BronzeToSilver", 8.0, "SilverToGold", 4.0, "GoldToRds", 2.5, "UpsertSummary", 1.2345,
                        "Succeeded", 0.0),
                null);
    }

    @Test
    void defaults_areHundredThousandRowsOfTheDemosCustomersAndSeed() {
        BenchCommand bench = parse();

        assertThat(bench.rows).isEqualTo(100_000);
        assertThat(bench.customers).isEqualTo(200);
        assertThat(bench.seed).isEqualTo(42);
        assertThat(bench.out).isNull();
        assertThat(bench.keep).isFalse();
    }

    @Test
    void options_areParsed() {
        BenchCommand bench = parse("--rows", "5000", "--customers", "30", "--seed", "7", "--out", "r.json", "--keep");

        assertThat(bench.rows).isEqualTo(5000);
        assertThat(bench.customers).isEqualTo(30);
        assertThat(bench.seed).isEqualTo(7);
        assertThat(bench.out).isEqualTo(Path.of("r.json"));
        assertThat(bench.keep).isTrue();
    }

    @Test
    void rows_notMoreThanThePlantedBadRows_isAUsageError() {
        // 7 bad-row kinds, 2 planted of each: 14 rows leave no room for a valid purchase.
        int exitCode = cli().run("bench", "--rows", "14");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--rows must be more than the 14 planted bad rows");
    }

    @Test
    void customers_zero_isAUsageError() {
        int exitCode = cli().run("bench", "--customers", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--customers must be at least 1, was 0");
    }

    @Test
    void succeededRun_writesJsonWithInputStagesThroughputAndRowAccounting() throws Exception {
        FakePipeline fake = new FakePipeline(succeeded());
        Path result = repo.resolve("results/r.json");

        int exitCode = withFake(parse("--rows", "200", "--customers", "5", "--seed", "7", "--out", result.toString()),
                fake).call();

        assertThat(exitCode).isZero();
        assertThat(fake.calls).containsExactly("warmUp", "ingest", "close");
        assertThat(fake.ingestionDate).isEmpty();
        assertThat(fake.fxFile).isEmpty();
        assertThat(fake.csvLines).isEqualTo(201);
        JsonNode json = JSON.readTree(result.toFile());
        assertThat(fieldNames(json)).containsExactly("timestamp", "git_commit", "machine", "input", "database",
                "execution", "succeeded", "error", "spark_start_seconds", "stage_seconds", "total_seconds",
                "throughput_rows_per_second", "rows", "customers_upserted");
        assertThat(json.get("timestamp").asText()).isEqualTo("2025-03-01T10:15:00Z");
        // The temporary repository root is no git work tree.
        assertThat(json.get("git_commit").isNull()).isTrue();
        assertThat(fieldNames(json.get("machine")))
                .containsExactly("cores", "max_heap_bytes", "java_version", "spark_master");
        assertThat(json.at("/machine/cores").asInt()).isPositive();
        assertThat(json.at("/machine/max_heap_bytes").asLong()).isPositive();
        assertThat(json.at("/machine/spark_master").asText()).isEqualTo("local[2]");
        assertThat(json.get("input").toString())
                .isEqualTo("{\"rows\":200,\"bytes\":" + fake.csvBytes + ",\"seed\":7,\"customers\":5}");
        assertThat(json.get("database").asText()).isEqualTo("embedded");
        assertThat(json.get("execution").asText()).isEqualTo("run-1");
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("error").isNull()).isTrue();
        assertThat(json.get("spark_start_seconds").isNumber()).isTrue();
        assertThat(json.get("stage_seconds").toString()).isEqualTo("{\"BronzeToSilver\":8.0,\"SilverToGold\":4.0,"
                + "\"GoldToRds\":2.5,\"UpsertSummary\":1.235,\"Succeeded\":0.0}");
        assertThat(json.get("total_seconds").decimalValue()).isEqualByComparingTo("20.0");
        // 200 rows read in 8 s of bronze->silver and in 20 s end to end.
        assertThat(json.get("throughput_rows_per_second").toString())
                .isEqualTo("{\"bronze_to_silver\":25.0,\"end_to_end\":10.0}");
        assertThat(json.get("rows").toString())
                .isEqualTo("{\"read\":200,\"valid\":184,\"quarantined\":14,\"duplicates_collapsed\":2}");
        assertThat(json.get("customers_upserted").asInt()).isEqualTo(5);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("  BronzeToSilver       8.0 s", "  UpsertSummary        1.2 s",
                        "rows read 200, valid 184, quarantined 14, duplicates collapsed 2, customers upserted 5",
                        "throughput: 25 rows/s bronze->silver, 10 rows/s end to end",
                        "wrote " + result);
    }

    @Test
    void withoutOut_writesUnderTheRepositoryNamedByStartTime() throws Exception {
        withFake(parse("--rows", "50"), new FakePipeline(succeeded())).call();

        assertThat(repo.resolve("bench-results/bench-20250301T101500Z.json")).isRegularFile();
    }

    @Test
    void withoutKeep_deletesTheTemporaryHome() throws Exception {
        FakePipeline fake = new FakePipeline(succeeded());

        withFake(parse("--rows", "50", "--out", repo.resolve("r.json").toString()), fake).call();

        assertThat(fake.home).isNotNull().doesNotExist();
        assertThat(fake.home).isNotEqualTo(repo.resolve(".c360"));
    }

    @Test
    void withKeep_leavesTheHomeWithItsCsvAndNamesIt() throws Exception {
        FakePipeline fake = new FakePipeline(succeeded());

        withFake(parse("--rows", "50", "--keep", "--out", repo.resolve("r.json").toString()), fake).call();

        try {
            assertThat(fake.csv).isRegularFile().startsWith(fake.home);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("kept the benchmark home " + fake.home);
        } finally {
            new HomeDirectory(fake.home).delete();
        }
    }

    @Test
    void failedExecution_stillWritesTheResult_withoutThroughput_andExitsNonZero() throws Exception {
        IngestReport failed = new IngestReport("bench.csv", "run-1", false, 0, 0, 0, 0, 0, 6.5,
                stages("BronzeToSilver", 6.0, "NotifyFailure", 0.1), "States.TaskFailed: BronzeToSilverJob failed");
        Path result = repo.resolve("r.json");

        int exitCode = withFake(parse("--rows", "50", "--out", result.toString()), new FakePipeline(failed)).call();

        assertThat(exitCode).isEqualTo(1);
        JsonNode json = JSON.readTree(result.toFile());
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("error").asText()).isEqualTo("States.TaskFailed: BronzeToSilverJob failed");
        assertThat(json.get("throughput_rows_per_second").toString())
                .isEqualTo("{\"bronze_to_silver\":null,\"end_to_end\":null}");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("FAILED").doesNotContain("throughput:");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the benchmark's execution failed");
    }

    @Test
    void gitCommit_outsideAWorkTree_isEmpty() {
        assertThat(GitCommit.head(repo)).isEmpty();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Records how the command drives the pipeline and what the CSV it was handed holds. */
    private static final class FakePipeline implements BenchPipeline {
        private final IngestReport report;
        private final List<String> calls = new ArrayList<>();
        private Path home;
        private Path csv;
        private long csvLines;
        private long csvBytes;
        private Optional<LocalDate> ingestionDate;
        private Optional<Path> fxFile;

        FakePipeline(IngestReport report) {
            this.report = report;
        }

        BenchPipeline openedIn(Path benchHome) {
            home = benchHome;
            return this;
        }

        @Override
        public String database() {
            return "embedded";
        }

        @Override
        public void warmUp() {
            calls.add("warmUp");
        }

        @Override
        public IngestReport ingest(Path csvFile, Optional<LocalDate> date, Optional<Path> fx) {
            calls.add("ingest");
            csv = csvFile;
            ingestionDate = date;
            fxFile = fx;
            try {
                csvLines = Files.readAllLines(csvFile).size();
                csvBytes = Files.size(csvFile);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            return report;
        }

        @Override
        public void close() {
            calls.add("close");
        }
    }
}
