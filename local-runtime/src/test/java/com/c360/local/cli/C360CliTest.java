package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.ReplayRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class C360CliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private C360Cli cli(Map<String, String> environment, Properties systemProperties) {
        return new C360Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), environment, systemProperties);
    }

    private C360Cli cli() {
        return cli(Map.of(), new Properties());
    }

    private static Object subcommand(C360Cli cli, String... args) {
        ParseResult result = cli.commandLine().parseArgs(args);
        return result.subcommand().commandSpec().userObject();
    }

    @Test
    void ingest_parsesFilesDateAndFxFile() {
        IngestCommand ingest = (IngestCommand) subcommand(cli(),
                "ingest", "a.csv", "b.csv", "--date", "2025-03-01", "--fx", "rates.csv");

        assertThat(ingest.files).containsExactly(Path.of("a.csv"), Path.of("b.csv"));
        assertThat(ingest.ingestionDate).isEqualTo(LocalDate.of(2025, 3, 1));
        assertThat(ingest.fxFile).isEqualTo(Path.of("rates.csv"));
    }

    @Test
    void ingest_withoutDateOrFx_leavesBothToThePipeline() {
        IngestCommand ingest = (IngestCommand) subcommand(cli(), "ingest", "a.csv");

        assertThat(ingest.ingestionDate).isNull();
        assertThat(ingest.fxFile).isNull();
    }

    @Test
    void ingest_withoutFiles_isAUsageError() {
        assertThatThrownBy(() -> cli().commandLine().parseArgs("ingest"))
                .isInstanceOf(CommandLine.MissingParameterException.class);
    }

    @Test
    void ingest_withImpossibleDate_isAUsageError() {
        assertThatThrownBy(() -> cli().commandLine().parseArgs("ingest", "a.csv", "--date", "2025-02-30"))
                .isInstanceOf(CommandLine.ParameterException.class)
                .hasMessageContaining("--date");
    }

    @Test
    void ingest_ofMissingFile_exitsWithUsageErrorBeforeStartingAnything() {
        int exitCode = cli().run("ingest", "/nonexistent/purchases.csv");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file: /nonexistent/purchases.csv");
    }

    @Test
    void replay_parsesOneSelectorAndTheFxFile() {
        ReplayCommand replay = (ReplayCommand) subcommand(cli(), "replay", "--reason", "no_fx_rate", "--fx", "fx.csv");

        assertThat(replay.selection.selector()).isEqualTo(ReplayRequest.Selector.REASON);
        assertThat(replay.selection.value()).isEqualTo("no_fx_rate");
        assertThat(replay.fxFile).isEqualTo(Path.of("fx.csv"));
        ReplayCommand byRun = (ReplayCommand) subcommand(cli(), "replay", "--run", "purchases-1a2b");
        assertThat(byRun.selection.selector()).isEqualTo(ReplayRequest.Selector.RUN);
        assertThat(byRun.selection.value()).isEqualTo("purchases-1a2b");
        ReplayCommand byRule = (ReplayCommand) subcommand(cli(), "replay", "--rule", "quantity_present");
        assertThat(byRule.selection.selector()).isEqualTo(ReplayRequest.Selector.RULE);
    }

    @Test
    void replay_withNoneOrTwoSelectors_isAUsageError() {
        assertThatThrownBy(() -> cli().commandLine().parseArgs("replay"))
                .isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> cli().commandLine().parseArgs("replay", "--reason", "no_fx_rate", "--run", "r1"))
                .isInstanceOf(CommandLine.MutuallyExclusiveArgsException.class);
    }

    @Test
    void replay_ofAReasonThatCannotBeReplayed_exitsWithUsageErrorBeforeStartingAnything() {
        int exitCode = cli().run("replay", "--reason", "conflicting_duplicate");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("conflicting_duplicate cannot be replayed");
    }

    @Test
    void replay_ofAnUnknownReason_exitsWithUsageError() {
        int exitCode = cli().run("replay", "--reason", "no_fx_rates");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no quarantine reason 'no_fx_rates'");
    }

    @Test
    void topSpenders_defaultsToTenRowsFromRdsAsTable() {
        TopSpendersCommand command = (TopSpendersCommand) subcommand(cli(), "top-spenders");

        assertThat(command.limit).isEqualTo(10);
        assertThat(command.source).isEqualTo(TopSpendersCommand.Source.RDS);
        assertThat(command.json).isFalse();
    }

    @Test
    void topSpenders_acceptsLakeInAnyCaseWithLimitAndJson() {
        TopSpendersCommand lower = (TopSpendersCommand) subcommand(cli(),
                "top-spenders", "--from", "lake", "--limit", "3", "--json");
        TopSpendersCommand upper = (TopSpendersCommand) subcommand(cli(), "top-spenders", "--from", "LAKE");

        assertThat(lower.source).isEqualTo(TopSpendersCommand.Source.LAKE);
        assertThat(lower.limit).isEqualTo(3);
        assertThat(lower.json).isTrue();
        assertThat(upper.source).isEqualTo(TopSpendersCommand.Source.LAKE);
    }

    @Test
    void topSpenders_withZeroLimit_exitsWithUsageError() {
        int exitCode = cli().run("top-spenders", "--limit", "0");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--limit must be at least 1, was 0");
    }

    @Test
    void topSpenders_fromUnknownSource_isAUsageError() {
        assertThatThrownBy(() -> cli().commandLine().parseArgs("top-spenders", "--from", "s3"))
                .isInstanceOf(CommandLine.ParameterException.class);
    }

    @Test
    void demo_defaultsMatchSampleSettingsDefaults() {
        DemoCommand demo = (DemoCommand) subcommand(cli(), "demo");

        assertThat(demo.seed).isEqualTo(42);
        assertThat(demo.customers).isEqualTo(200);
        assertThat(demo.purchases).isEqualTo(3000);
    }

    @Test
    void demo_parsesSeedCustomersAndPurchases() {
        DemoCommand demo = (DemoCommand) subcommand(cli(), "demo", "--seed", "7", "--customers", "5",
                "--purchases", "50");

        assertThat(demo.seed).isEqualTo(7);
        assertThat(demo.customers).isEqualTo(5);
        assertThat(demo.purchases).isEqualTo(50);
    }

    @Test
    void home_givenBeforeOrAfterTheSubcommand_wins() {
        C360Cli before = cli(Map.of("C360_HOME", "/from/env"), new Properties());
        subcommand(before, "--home", "/explicit", "reset");
        C360Cli after = cli(Map.of("C360_HOME", "/from/env"), new Properties());
        subcommand(after, "reset", "--home", "/explicit");

        assertThat(before.homeDirectory().root()).isEqualTo(Path.of("/explicit"));
        assertThat(after.homeDirectory().root()).isEqualTo(Path.of("/explicit"));
    }

    @Test
    void home_defaultsToEnvironmentThenRepoRootThenWorkingDirectory() {
        Properties launchedFromRepo = new Properties();
        launchedFromRepo.setProperty(C360Cli.REPO_ROOT_PROPERTY, "/repo");

        assertThat(cli(Map.of("C360_HOME", "/from/env"), launchedFromRepo).homeDirectory().root())
                .isEqualTo(Path.of("/from/env"));
        assertThat(cli(Map.of(), launchedFromRepo).homeDirectory().root()).isEqualTo(Path.of("/repo/.c360"));
        assertThat(cli().homeDirectory().root()).isEqualTo(Path.of("./.c360"));
    }

    @Test
    void help_onASubcommand_printsThatSubcommandsUsage() {
        int exitCode = cli().run("ingest", "--help");

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: c360 ingest").contains("--date", "--fx");
    }

    @Test
    void homeDirectory_placesLakeGoldAndSamplesUnderHome() {
        HomeDirectory home = new HomeDirectory(Path.of("/h"));

        assertThat(home.lake()).isEqualTo(Path.of("/h/lake"));
        assertThat(home.gold()).isEqualTo(Path.of("/h/lake/gold"));
        assertThat(home.samples()).isEqualTo(Path.of("/h/samples"));
    }
}
