package com.c360.local.cli;

import com.c360.local.LocalPipeline;
import com.c360.local.db.LocalDatabase;
import com.c360.local.query.RdsTopSpenders;
import com.c360.local.sample.SampleDataGenerator;
import com.c360.local.sample.SampleFile;
import com.c360.local.sample.SampleSettings;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "demo", description = "Generates sample purchase files, ingests them and shows the top 10 spenders.")
final class DemoCommand implements Callable<Integer> {
    private static final int TOP = 10;

    @ParentCommand
    C360Cli cli;

    @Option(names = "--seed", defaultValue = "42", description = "Sample data seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--customers", defaultValue = "" + SampleSettings.DEFAULT_CUSTOMERS,
            description = "Distinct customers (default: ${DEFAULT-VALUE}).")
    int customers;

    @Option(names = "--purchases", defaultValue = "" + SampleSettings.DEFAULT_PURCHASES,
            description = "Valid purchases over all files, planted bad rows not counted (default: ${DEFAULT-VALUE}).")
    int purchases;

    @Override
    public Integer call() {
        HomeDirectory home = cli.homeDirectory();
        SampleSettings settings = SampleSettings.defaults(seed).withCustomers(customers).withPurchases(purchases);
        List<SampleFile> samples = new SampleDataGenerator(settings).writeTo(home.samples());
        for (SampleFile sample : samples) {
            cli.out().printf("generated %s: %d valid purchases, planted %s%n",
                    sample.path(), sample.validPurchases(), sample.badRows());
        }
        try (LocalDatabase database = cli.openDatabase();
                LocalPipeline pipeline = LocalPipeline.open(home.root(), database, cli.out(), cli.sparkCores())) {
            int exitCode = IngestRuns.ingestAll(samples.stream().map(SampleFile::path).toList(), Optional.empty(),
                    Optional.empty(), pipeline::ingest, cli.out(), cli.err());
            if (exitCode != ExitCode.OK) {
                return exitCode;
            }
            cli.out().println();
            cli.out().println("Top " + TOP + " spenders (customer_purchase_summary):");
            cli.out().print(TopSpenderFormat.table(new RdsTopSpenders(database.dataSource()).top(TOP)));
            return ExitCode.OK;
        }
    }
}
