package com.c360.local.cli;

import com.c360.contract.ReplayRequest;
import com.c360.glue.silver.ReplayEligibility;
import com.c360.local.LocalPipeline;
import com.c360.local.ReplayReport;
import com.c360.local.db.LocalDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ExitCode;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "replay", description = "Runs quarantined rows again through the current FX table and feed contracts,"
        + " after their cause is fixed: rows now valid leave quarantine and count once; the others stay.")
final class ReplayCommand implements Callable<Integer> {
    @ParentCommand
    C360Cli cli;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    @Option(names = "--fx", paramLabel = "FILE",
            description = "FX reference CSV for the replay. Default: the lake's reference table.")
    Path fxFile;

    /** Exactly one of the three. */
    static final class Selection {
        @Option(names = "--reason", paramLabel = "CODE", description = "Rows quarantined with this reason code.")
        String reason;

        @Option(names = "--rule", paramLabel = "NAME", description = "Rows this feed row rule rejected; they leave"
                + " quarantine only if the feed's contract no longer has the rule.")
        String rule;

        @Option(names = "--run", paramLabel = "RUN", description = "Rows the execution RUN quarantined.")
        String run;

        ReplayRequest.Selector selector() {
            return reason != null ? ReplayRequest.Selector.REASON
                    : rule != null ? ReplayRequest.Selector.RULE : ReplayRequest.Selector.RUN;
        }

        String value() {
            return reason != null ? reason : rule != null ? rule : run;
        }
    }

    @Override
    public Integer call() {
        try {
            if (selection.reason != null) {
                ReplayEligibility.requireReplayableReason(selection.reason);
            }
            // Checked here as the job would: a value the replay key cannot carry fails before anything starts.
            new ReplayRequest(selection.selector(), selection.value(), "check");
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        if (fxFile != null && !Files.isRegularFile(fxFile)) {
            throw new ParameterException(spec.commandLine(), "no such file: " + fxFile);
        }
        try (LocalDatabase database = cli.openDatabase();
                LocalPipeline pipeline = LocalPipeline.open(cli.homeDirectory().root(), database, cli.out(),
                        cli.sparkCores())) {
            ReplayReport report = pipeline.replay(selection.selector(), selection.value(),
                    Optional.ofNullable(fxFile));
            (report.succeeded() ? cli.out() : cli.err()).print(report.summary());
            return report.succeeded() ? ExitCode.OK : ExitCode.SOFTWARE;
        }
    }
}
