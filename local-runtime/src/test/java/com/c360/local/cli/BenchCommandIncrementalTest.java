package com.c360.local.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class BenchCommandIncrementalTest {
    private static BenchCommand parse(String... args) {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        C360Cli cli = new C360Cli(discard, discard, Map.of(), new Properties());
        return (BenchCommand) cli.commandLine().parseArgs(args).subcommand().commandSpec().userObject();
    }

    @Test
    void incrementalDefaults_tenThousandRowFileOnTenMillionRowHistoryWithWarmUp() {
        BenchCommand command = parse("bench", "--incremental");

        assertThat(command.incremental).isTrue();
        assertThat(command.incrementalFileRows()).isEqualTo(10_000);
        assertThat(command.historyRows).isEqualTo(10_000_000);
        assertThat(command.skipWarmUp).isFalse();
    }

    @Test
    void incrementalWithRowsAndHistoryRows_takesBoth() {
        BenchCommand command = parse("bench", "--incremental", "--rows", "500", "--history-rows", "20000",
                "--skip-warm-up");

        assertThat(command.incrementalFileRows()).isEqualTo(500);
        assertThat(command.historyRows).isEqualTo(20_000);
        assertThat(command.skipWarmUp).isTrue();
    }

    @Test
    void withoutIncremental_singleRunAsBefore() {
        BenchCommand command = parse("bench");

        assertThat(command.incremental).isFalse();
        assertThat(command.rows).isEqualTo(BenchCommand.DEFAULT_ROWS);
    }
}
