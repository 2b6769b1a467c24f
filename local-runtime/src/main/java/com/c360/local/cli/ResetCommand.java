package com.c360.local.cli;

import com.c360.local.db.C360Tables;
import com.c360.local.db.LocalDatabase;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.ParentCommand;

@Command(name = "reset", description = "Deletes the lake and empties the c360 tables; the schema stays.")
final class ResetCommand implements Callable<Integer> {
    @ParentCommand
    C360Cli cli;

    @Override
    public Integer call() throws SQLException {
        HomeDirectory home = cli.homeDirectory();
        home.deleteLake();
        try (LocalDatabase database = cli.openDatabase()) {
            C360Tables.empty(database.dataSource());
        }
        cli.out().printf("deleted %s and emptied %s%n", home.lake(), String.join(", ", C360Tables.ALL));
        return ExitCode.OK;
    }
}
