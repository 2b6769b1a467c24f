package com.c360.local.cli;

import com.c360.local.LocalSpark;
import com.c360.local.db.LocalDatabase;
import com.c360.local.query.LakeTopSpenders;
import com.c360.local.query.RdsTopSpenders;
import com.c360.local.query.TopSpender;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "top-spenders", description = "Lists the customers with the highest lifetime spend in AUD.")
final class TopSpendersCommand implements Callable<Integer> {
    enum Source { RDS, LAKE }

    @ParentCommand
    C360Cli cli;

    @Spec
    CommandSpec spec;

    int limit;

    @Option(names = "--from", defaultValue = "rds", paramLabel = "rds|lake",
            description = "rds: customer_purchase_summary; lake: recomputed from every gold partition with Spark "
                    + "(default: ${DEFAULT-VALUE}).")
    Source source;

    @Option(names = "--json", description = "Print a JSON array instead of a table.")
    boolean json;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "Rows to show (default: ${DEFAULT-VALUE}).")
    void setLimit(int value) {
        if (value < 1) {
            throw new ParameterException(spec.commandLine(), "--limit must be at least 1, was " + value);
        }
        limit = value;
    }

    @Override
    public Integer call() {
        List<TopSpender> spenders = source == Source.RDS ? fromRds() : fromLake();
        cli.out().print(json ? TopSpenderFormat.json(spenders) : TopSpenderFormat.table(spenders));
        return ExitCode.OK;
    }

    private List<TopSpender> fromRds() {
        try (LocalDatabase database = cli.openDatabaseForQueries()) {
            return new RdsTopSpenders(database.dataSource()).top(limit);
        }
    }

    private List<TopSpender> fromLake() {
        SparkSession spark = LocalSpark.start("c360-top-spenders", cli.sparkCores());
        try {
            return new LakeTopSpenders(spark, cli.homeDirectory().gold()).top(limit);
        } finally {
            spark.stop();
        }
    }
}
