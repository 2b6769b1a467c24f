package com.c360.e2e;

import com.c360.local.LocalPipeline;
import com.c360.local.RepoLayout;
import com.c360.local.db.LocalDatabase;
import com.c360.testing.PostgresTestDatabase;
import java.nio.file.Path;

/** The local runtime an end-to-end test drives: a Postgres server of its own, c360's database on it, the pipeline. */
record LocalRuntime(PostgresTestDatabase server, LocalDatabase database, LocalPipeline pipeline)
        implements AutoCloseable {

    /** The runtime of {@code testClass}, its state under {@code home}, progress printed to standard out. */
    static LocalRuntime start(Class<?> testClass, Path home) {
        PostgresTestDatabase server = PostgresTestDatabase.create(testClass);
        LocalDatabase database = LocalDatabase.open(home, server.connectionEnvironment(LocalDatabase.URL_ENV,
                LocalDatabase.USER_ENV, LocalDatabase.PASSWORD_ENV));
        return new LocalRuntime(server, database, LocalPipeline.open(RepoLayout.locate(), home, database, System.out));
    }

    @Override
    public void close() {
        try (server; database; pipeline) {
            // closed in reverse order: the pipeline, the database, then the server
        }
    }
}
