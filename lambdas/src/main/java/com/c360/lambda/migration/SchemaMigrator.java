package com.c360.lambda.migration;

import com.c360.lambda.db.DatabaseCredentials;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies {@code sql/V*.sql} (packaged at {@code classpath:db/migration}) with Flyway. The deploy-time custom resource,
 * the local runtime and the integration tests all migrate through here.
 */
public final class SchemaMigrator {
    public static final String MIGRATIONS_LOCATION = "classpath:db/migration";

    private SchemaMigrator() {
    }

    public static MigrationOutcome migrate(DataSource dataSource) {
        return migrate(configuration().dataSource(dataSource));
    }

    public static MigrationOutcome migrate(String jdbcUrl, String user, String password) {
        return migrate(configuration().dataSource(jdbcUrl, user, password));
    }

    public static MigrationOutcome migrate(DatabaseCredentials credentials) {
        return migrate(credentials.jdbcUrl(), credentials.user(), credentials.password());
    }

    private static FluentConfiguration configuration() {
        return Flyway.configure().locations(MIGRATIONS_LOCATION);
    }

    private static MigrationOutcome migrate(FluentConfiguration configuration) {
        Flyway flyway = configuration.load();
        MigrateResult result = flyway.migrate();
        // targetSchemaVersion is only set when this run executed something; the history table always knows.
        MigrationInfo current = flyway.info().current();
        String schemaVersion = current == null ? null : current.getVersion().getVersion();
        return new MigrationOutcome(result.migrationsExecuted, schemaVersion);
    }

    /** {@code schemaVersion} is the version in force after the run; null only if no migration exists at all. */
    public record MigrationOutcome(int migrationsExecuted, String schemaVersion) {
    }
}
