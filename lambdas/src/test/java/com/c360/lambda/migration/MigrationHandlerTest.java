package com.c360.lambda.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.CloudFormationCustomResourceEvent;
import com.c360.lambda.db.ConnectionProvider;
import com.c360.lambda.db.DatabaseCredentials;
import com.c360.lambda.testing.LambdaEvents;
import com.c360.lambda.testing.TestContext;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationHandlerTest {

    /** Fails the test if the handler touches the database. */
    private static final ConnectionProvider NO_DATABASE = new ConnectionProvider() {
        @Override
        public DatabaseCredentials credentials() {
            throw new AssertionError("Delete must not touch the database");
        }
    };

    @Test
    void delete_keepsTheSchema_andEchoesThePhysicalId() {
        CloudFormationCustomResourceEvent event = LambdaEvents.load("events/cfn-delete.json",
                CloudFormationCustomResourceEvent.class);

        Map<String, Object> response = new MigrationHandler(NO_DATABASE).handleRequest(event, new TestContext("mig"));

        assertThat(response).containsExactly(Map.entry("PhysicalResourceId", "c360-schema-migrations"));
    }

    @Test
    void unknownRequestType_fails() {
        CloudFormationCustomResourceEvent event = LambdaEvents.load("events/cfn-delete.json",
                CloudFormationCustomResourceEvent.class);
        event.setRequestType("Replace");

        assertThatThrownBy(() -> new MigrationHandler(NO_DATABASE).handleRequest(event, new TestContext("mig")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Replace");
    }
}
