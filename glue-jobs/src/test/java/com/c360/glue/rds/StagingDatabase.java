package com.c360.glue.rds;

import com.c360.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A throwaway database on the test Postgres with the project's schema: every migration in {@code sql/}, in order. */
final class StagingDatabase implements AutoCloseable {
    private static final Path MIGRATIONS = Path.of("..", "sql");
    private static final Pattern MIGRATION = Pattern.compile("V\\d+__.+\\.sql");

    private final PostgresTestDatabase database;

    private StagingDatabase(PostgresTestDatabase database) {
        this.database = database;
    }

    static StagingDatabase create(Class<?> owner) throws SQLException, IOException {
        PostgresTestDatabase database = PostgresTestDatabase.create(owner);
        for (Path migration : migrations()) {
            database.execute(Files.readString(migration, StandardCharsets.UTF_8));
        }
        return new StagingDatabase(database);
    }

    /** By version number, as the migration Lambda applies them: V10 comes after V9. */
    private static List<Path> migrations() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            return files.filter(file -> MIGRATION.matcher(file.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(StagingDatabase::version)).toList();
        }
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    String url() {
        return database.jdbcUrl();
    }

    DatabaseEndpoint endpoint() {
        return new DatabaseEndpoint(url(), database.user(), database.password().orElse(null));
    }

    Connection connect() throws SQLException {
        return database.connect();
    }

    void truncate() throws SQLException {
        database.execute("TRUNCATE customer_purchase_summary_staging, pipeline_run");
    }

    @Override
    public void close() {
        database.close();
    }
}
