package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.local.machine.GitCommit;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {

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

    @Test
    void defaults_areTheIssuesTenMillionRowsOfAMillionCustomers() {
        BenchCommand bench = parse();

        assertThat(bench.rows).isEqualTo(10_000_000);
        assertThat(bench.customers).isEqualTo(1_000_000);
        assertThat(bench.seed).isEqualTo(42);
        assertThat(bench.smoke).isFalse();
        assertThat(bench.out).isNull();
        assertThat(bench.keep).isFalse();
    }

    @Test
    void smoke_isParsed() {
        assertThat(parse("--smoke").smoke).isTrue();
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
    void gitCommit_outsideAWorkTree_isEmpty() {
        assertThat(GitCommit.head(repo)).isEmpty();
    }
}
