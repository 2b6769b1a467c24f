package com.c360.lambda.migration;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.c360.lambda.db.ConnectionProvider;
import com.c360.lambda.db.SecretsManagerConnectionProvider;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * onEvent handler of a CDK {@code custom_resources.Provider}: Create and Update migrate the schema, Delete keeps the
 * data. The Provider framework sends the CloudFormation response, so this only returns its fields.
 */
public final class MigrationHandler implements RequestHandler<CloudFormationCustomResourceEvent, Map<String, Object>> {
    public static final String PHYSICAL_RESOURCE_ID = "c360-schema-migrations";
    private static final Logger LOG = LoggerFactory.getLogger(MigrationHandler.class);

    private final ConnectionProvider database;

    /** Used by the Lambda runtime: credentials from the secret in {@code DB_SECRET_ARN}. */
    public MigrationHandler() {
        this(SecretsManagerConnectionProvider.fromEnvironment());
    }

    public MigrationHandler(ConnectionProvider database) {
        this.database = Objects.requireNonNull(database, "database");
    }

    @Override
    public Map<String, Object> handleRequest(CloudFormationCustomResourceEvent event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> onEvent(event));
    }

    private Map<String, Object> onEvent(CloudFormationCustomResourceEvent event) {
        String requestType = event.getRequestType();
        Map<String, Object> response = new HashMap<>();
        response.put("PhysicalResourceId",
                event.getPhysicalResourceId() == null ? PHYSICAL_RESOURCE_ID : event.getPhysicalResourceId());
        switch (requestType == null ? "" : requestType) {
            case "Create", "Update" -> {
                SchemaMigrator.MigrationOutcome outcome = SchemaMigrator.migrate(database.credentials());
                LOG.info("Schema migrated", entry("requestType", requestType),
                        entry("migrationsExecuted", outcome.migrationsExecuted()),
                        entry("schemaVersion", outcome.schemaVersion()));
                // CloudFormation exposes Data as string attributes (Fn::GetAtt).
                Map<String, Object> data = new HashMap<>();
                data.put("SchemaVersion", outcome.schemaVersion());
                data.put("MigrationsExecuted", String.valueOf(outcome.migrationsExecuted()));
                response.put("Data", data);
            }
            case "Delete" -> LOG.info("Delete leaves the schema and its data in place");
            default -> throw new IllegalArgumentException("Unknown CloudFormation RequestType '" + requestType + "'");
        }
        return response;
    }
}
