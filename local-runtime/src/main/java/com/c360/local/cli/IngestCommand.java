package com.c360.local.cli;

import com.c360.contract.FeedLayout;
import com.c360.local.LocalPipeline;
import com.c360.local.RepoLayout;
import com.c360.local.db.LocalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "ingest", description = "Runs each purchase CSV through the pipeline, as if uploaded to bronze.")
final class IngestCommand implements Callable<Integer> {
    @ParentCommand
    C360Cli cli;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Purchase CSVs in the feed's layout.")
    List<Path> files;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Ingestion date of the runs. Default: today, as the trigger Lambda would set it.")
    LocalDate ingestionDate;

    @Option(names = "--fx", paramLabel = "FILE",
            description = "FX reference CSV (currency,rate_date,aud_per_unit). Default: glue-jobs/reference/fx_rates_aud.csv.")
    Path fxFile;

    @Option(names = "--feed", paramLabel = "NAME", defaultValue = FeedLayout.DEFAULT_FEED,
            description = "The feed the files belong to: its contract feeds/NAME.yaml reads them, and they land under"
                    + " bronze's NAME/ folder (default: ${DEFAULT-VALUE}, the seed layout, at bronze's top level).")
    String feed;

    @Override
    public Integer call() {
        Path contract = RepoLayout.locate().feeds().resolve(feed + FeedLayout.CONTRACT_SUFFIX);
        if (!FeedLayout.isValidFeedName(feed) || !Files.isRegularFile(contract)) {
            throw new ParameterException(spec.commandLine(), "no feed '" + feed + "': there is no contract " + contract);
        }
        for (Path file : files) {
            requireFile(file);
        }
        if (fxFile != null) {
            requireFile(fxFile);
        }
        Path home = cli.homeDirectory().root();
        try (LocalDatabase database = cli.openDatabase();
                LocalPipeline pipeline = LocalPipeline.open(home, database, cli.out(), cli.sparkCores())) {
            return IngestRuns.ingestAll(files, Optional.ofNullable(ingestionDate), Optional.ofNullable(fxFile),
                    (file, date, fx) -> pipeline.ingest(file, date, fx, feed),
                    report -> pipeline.runReport(report.executionName()).map(RunReportFormat::table).orElse(""),
                    cli.out(), cli.err());
        }
    }

    private void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
    }
}
