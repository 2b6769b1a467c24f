package com.c360.glue.rds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.DatabaseArguments;
import com.c360.contract.DatabaseSecretException;
import com.c360.contract.GoldToRdsArguments;
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

        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(DatabaseArguments.secret("arn:secret:c360"), secrets::get);

        assertThat(endpoint).isEqualTo(new DatabaseEndpoint(
                "jdbc:postgresql://db.internal:5432/c360?sslmode=require", "c360_admin", "s3cr3t"));
    }

    @Test
    void urlUserAndPassword_areTakenFromTheJobArguments() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(arguments("--db_url",
                "jdbc:postgresql://127.0.0.1:5432/c360", "--db_user", "postgres", "--db_password", "local-pw"),
                NO_SECRETS);

        assertThat(endpoint).isEqualTo(
                new DatabaseEndpoint("jdbc:postgresql://127.0.0.1:5432/c360", "postgres", "local-pw"));
    }

    @Test
    void urlWithoutPasswordArgument_connectsWithoutPassword() {
        DatabaseEndpoint endpoint = DatabaseEndpoint.resolve(
                arguments("--db_url", "jdbc:postgresql://127.0.0.1/c360", "--db_user", "postgres"), NO_SECRETS);

        assertThat(endpoint.password()).isNull();
    }

    @Test
    void noDatabaseArguments_fail() {
        assertThatThrownBy(() -> arguments())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--db_secret_id");
    }

    @Test
    void secretWithoutPassword_orNotJson_failsWithoutEchoingIt() {
        assertThatThrownBy(() -> DatabaseEndpoint.resolve(DatabaseArguments.secret("s"),
                id -> "{\"host\":\"h\",\"username\":\"u\"}"))
                .isInstanceOf(DatabaseSecretException.class).hasMessageContaining("password");
        assertThatThrownBy(() -> DatabaseEndpoint.resolve(DatabaseArguments.secret("s"),
                id -> "{\"password\":\"hunter2\""))
                .message().doesNotContain("hunter2");
    }

    @Test
    void endpoint_neverPrintsThePassword() {
        assertThat(new DatabaseEndpoint("jdbc:postgresql://h/d", "u", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static DatabaseArguments arguments(String... database) {
        String[] job = {"--run_id", "r", "--ingestion_date", "2026-11-22", "--gold_root", "file:/g"};
        String[] all = new String[job.length + database.length];
        System.arraycopy(job, 0, all, 0, job.length);
        System.arraycopy(database, 0, all, job.length, database.length);
        return GoldToRdsArguments.parse(all).database();
    }
}
