package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.Ingestor;
import com.c360.local.LocalPipeline;
import com.c360.local.db.C360Tables;
import com.c360.local.db.LocalDatabase;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.spark.sql.SparkSession;

/**
 * The real pipeline in the bench home. An embedded database starts empty there; an external one ({@code C360_DB_URL})
 * is shared with other use, so its c360 tables are emptied first and the benchmark's upsert starts from nothing too.
 */
public final class LocalBenchPipeline implements Ingestor, AutoCloseable {
    private final LocalDatabase database;
    private final LocalPipeline pipeline;

    private LocalBenchPipeline(LocalDatabase database, LocalPipeline pipeline) {
        this.database = database;
        this.pipeline = pipeline;
    }

    public static LocalBenchPipeline open(Path home, Map<String, String> environment, PrintStream console,
            int sparkCores) {
        LocalDatabase database = LocalDatabase.open(home, environment);
        try {
            if (!database.embedded()) {
                C360Tables.empty(database.dataSource());
                console.printf("%s is set: emptied %s there before the benchmark%n", LocalDatabase.URL_ENV,
                        String.join(", ", C360Tables.ALL));
            }
            return new LocalBenchPipeline(database, LocalPipeline.open(home, database, console, sparkCores));
        } catch (SQLException e) {
            database.close();
            throw new BenchDatabaseException("could not empty the c360 tables of " + LocalDatabase.URL_ENV, e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /** What the summary table lives in: {@code embedded} (in the bench home) or {@code external} (C360_DB_URL). */
    public String database() {
        return database.embedded() ? "embedded" : "external";
    }

    /** Starts what the first job would otherwise start (Spark), so the stage times cover the jobs' work. */
    public void warmUp() {
        pipeline.startSpark();
    }

    /** The summary database, for the measurements made on the loaded summary. */
    public DataSource dataSource() {
        return database.dataSource();
    }

    /** The pipeline's SparkSession, started if it was not: what the incremental benchmark seeds history with. */
    public SparkSession spark() {
        return pipeline.startSpark();
    }

    @Override
    public IngestReport ingest(Path csvFile, Optional<LocalDate> ingestionDate, Optional<Path> fxFile) {
        return pipeline.ingest(csvFile, ingestionDate, fxFile);
    }

    @Override
    public void close() {
        try {
            pipeline.close();
        } finally {
            database.close();
        }
    }
}
