package com.c360.local.cli;

import com.c360.glue.silver.IngestionAudit;
import com.c360.local.LocalLake;
import com.c360.local.RunReports;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "report", description = "Shows the run report of one ingested file: rows by outcome, reason and "
        + "rule, what silver took, the FX rates used and the feed's dataset rules.")
final class ReportCommand implements Callable<Integer> {
    @ParentCommand
    C360Cli cli;

    @Parameters(arity = "0..1", paramLabel = "RUN", description = "The execution name ingest printed. Default: the "
            + "last run.")
    String runId;

    @Option(names = "--last", description = "The most recent run (the default without RUN).")
    boolean last;

    @Option(names = "--json", description = "Print the report as the JSON the lake holds.")
    boolean json;

    @Override
    public Integer call() {
        RunReports reports = new RunReports(LocalLake.inHome(cli.homeDirectory().root()));
        Optional<IngestionAudit> report = runId == null || last ? reports.last() : reports.of(runId);
        if (report.isEmpty()) {
            cli.err().println(runId == null ? "error: no run has been ingested yet" : "error: no run named " + runId);
            return ExitCode.USAGE;
        }
        cli.out().print(json ? RunReportFormat.json(report.get()) : RunReportFormat.table(report.get()));
        return ExitCode.OK;
    }
}
