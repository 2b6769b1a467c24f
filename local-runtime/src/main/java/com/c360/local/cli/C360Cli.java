package com.c360.local.cli;

import com.c360.local.LocalSpark;
import com.c360.local.db.LocalDatabase;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code ./c360} command line: runs the deployed pipeline artifacts on this machine. */
@Command(name = "c360",
        description = "Runs the c360 pipeline locally: filesystem lake, local Spark, Postgres standing in for RDS.",
        subcommands = {DemoCommand.class, IngestCommand.class, TopSpendersCommand.class, ResetCommand.class,
                BenchCommand.class, ReportCommand.class, ReplayCommand.class})
public final class C360Cli {
    /** Set by ./c360 to the repository root, the home directory's default parent. */
    public static final String REPO_ROOT_PROPERTY = "c360.repo";
    public static final String HOME_ENV = "C360_HOME";

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean helpRequested;

    @Option(names = "--home", paramLabel = "DIR", scope = ScopeType.INHERIT,
            description = "State directory (lake, embedded Postgres, samples). Default: $C360_HOME, else <repo>/.c360.")
    Path home;

    @Option(names = "--spark-cores", paramLabel = "N", scope = ScopeType.INHERIT,
            description = "Worker threads of local Spark. Default: every core of this machine.")
    Integer sparkCores;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private final Properties systemProperties;

    public C360Cli(PrintStream out, PrintStream err, Map<String, String> environment, Properties systemProperties) {
        this.out = out;
        this.err = err;
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    public static void main(String[] args) {
        // exit explicitly: Spark leaves non-daemon threads behind.
        System.exit(new C360Cli(System.out, System.err, System.getenv(), System.getProperties()).run(args));
    }

    public int run(String... args) {
        return commandLine().execute(args);
    }

    CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(this)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true));
        commandLine.setExecutionExceptionHandler((exception, failedCommand, parseResult) -> {
            failedCommand.getErr().println("error: " + describe(exception));
            return ExitCode.SOFTWARE;
        });
        return commandLine;
    }

    private static String describe(Throwable exception) {
        StringBuilder description = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            description.append("\n  caused by ").append(cause.getClass().getSimpleName()).append(": ")
                    .append(cause.getMessage());
        }
        return description.toString();
    }

    HomeDirectory homeDirectory() {
        return new HomeDirectory(home != null ? home : defaultHome());
    }

    Path defaultHome() {
        return Optional.ofNullable(environment.get(HOME_ENV)).filter(value -> !value.isBlank()).map(Path::of)
                .orElseGet(() -> repoRoot().resolve(".c360"));
    }

    /** Where ./c360 lives; the working directory when launched otherwise. */
    Path repoRoot() {
        return Path.of(systemProperties.getProperty(REPO_ROOT_PROPERTY, "."));
    }

    int sparkCores() {
        return sparkCores != null ? sparkCores : LocalSpark.machineCores();
    }

    Map<String, String> environment() {
        return environment;
    }

    LocalDatabase openDatabase() {
        return LocalDatabase.open(homeDirectory().root(), environment);
    }

    LocalDatabase openDatabaseForQueries() {
        return LocalDatabase.openForQueries(homeDirectory().root(), environment);
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }
}
