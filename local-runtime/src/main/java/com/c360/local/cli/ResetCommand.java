package com.c360.local.cli;

import com.c360.local.db.LocalDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset", description = "Deletes the lake and empties the c360 tables; the schema stays.")
final class ResetCommand implements Callable<Integer> {
    static final List<String> TABLES = List.of("customer_purchase_summary", "customer_daily_purchase",
            "customer_purchase_summary_staging", "pipeline_run");

    @ParentCommand
    C360Cli cli;

    @Override
    public Integer call() throws SQLException {
        HomeDirectory home = cli.homeDirectory();
        home.deleteLake();
        try (LocalDatabase database = cli.openDatabase()) {
            emptyTables(database.dataSource());
        }
        cli.out().printf("deleted %s and emptied %s%n", home.lake(), String.join(", ", TABLES));
        return ExitCode.OK;
    }

    /** Empties {@link #TABLES}; the schema and its migration history stay. */
    static void emptyTables(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            // Fixed table names, no user input: nothing to parameterise.
            statement.execute("TRUNCATE TABLE " + String.join(", ", TABLES));
        }
    }
}
