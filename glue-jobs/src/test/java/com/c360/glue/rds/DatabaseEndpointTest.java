package com.c360.glue.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.glue.JobArguments;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DatabaseEndpointTest {
    private static final Function<String, String> NO_SECRETS = id -> {
        throw new AssertionError("Secrets Manager must not be called");
    };

    @Test
    void secretId_readsTheRdsSecret() {
        Map<String, String> secrets = Map.of("arn:secret:c360", """
                {"engine":"postgres","host":"db.internal","port":5432,"dbname":"c360",
                 "username":"c360_admin","password":"s3cr3t"}""");

        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(
                JobArguments.parse("--db_secret_id", "arn:secret:c360"), Map.of(), secrets::get);

        assertThat(endpoint).isEqualTo(new DatabaseEndpoint(
                "jdbc:postgresql://db.internal:5432/c360?sslmode=require", "c360_admin", "s3cr3t"));
    }

    @Test
    void urlAndUser_takeThePasswordFromTheEnvironment() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(
                JobArguments.parse("--db_url", "jdbc:postgresql://127.0.0.1:5432/c360", "--db_user", "postgres"),
                Map.of("C360_DB_PASSWORD", "local-pw"), NO_SECRETS);

        assertThat(endpoint).isEqualTo(
                new DatabaseEndpoint("jdbc:postgresql://127.0.0.1:5432/c360", "postgres", "local-pw"));
    }

    @Test
    void urlWithoutPasswordVariable_connectsWithoutPassword() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(
                JobArguments.parse("--db_url", "jdbc:postgresql://127.0.0.1/c360", "--db_user", "postgres"),
                Map.of(), NO_SECRETS);

        assertThat(endpoint.password()).isNull();
    }

    @Test
    void noDatabaseArguments_fail() {
        assertThatThrownBy(() -> DatabaseEndpoint.resolve(JobArguments.parse("--run_id", "r"), Map.of(), NO_SECRETS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db_secret_id");
    }

    @Test
    void secretWithoutPassword_orNotJson_failsWithoutEchoingIt() {
        assertThatThrownBy(() -> DatabaseEndpoint.fromRdsSecret("{\"host\":\"h\",\"username\":\"u\"}"))
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DatabaseEndpoint.fromRdsSecret("{\"password\":\"hunter2\""))
                .message().doesNotContain("hunter2");
    }

    @Test
    void endpoint_neverPrintsThePassword() {
        assertThat(new DatabaseEndpoint("jdbc:postgresql://h/d", "u", "hunter2").toString()).doesNotContain("hunter2");
    }
}
