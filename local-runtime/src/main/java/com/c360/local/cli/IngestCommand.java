package com.c360.local.cli;

import com.c360.local.LocalPipeline;
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

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Purchase CSVs (input contract v1).")
    List<Path> files;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD",
            description = "Ingestion date of the runs. Default: today, as the trigger Lambda would set it.")
    LocalDate ingestionDate;

    @Option(names = "--fx", paramLabel = "FILE",
            description = "FX reference CSV (currency,rate_date,aud_per_unit). Default: glue-jobs/reference/fx_rates_aud.csv.")
    Path fxFile;

    @Override
    public Integer call() {
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
                    pipeline::ingest, cli.out(), cli.err());
        }
    }

    private void requireFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + file);
        }
    }
}
