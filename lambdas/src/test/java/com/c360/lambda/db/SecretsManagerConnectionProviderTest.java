package com.c360.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;

class SecretsManagerConnectionProviderTest {

    /** A SecretsManagerClient holding one RDS secret and counting how often it is read. */
    private static final class OneSecret implements SecretsManagerClient {
        private final List<String> requestedIds = new ArrayList<>();

        @Override
        public GetSecretValueResponse getSecretValue(GetSecretValueRequest request) {
            requestedIds.add(request.secretId());
            return GetSecretValueResponse.builder().secretString("""
                    {"host":"db","port":5432,"dbname":"c360","username":"u","password":"p"}""").build();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void secret_isFetchedOnce_andReusedByLaterInvocations() {
        OneSecret secrets = new OneSecret();
        SecretsManagerConnectionProvider provider = new SecretsManagerConnectionProvider(secrets, "arn:secret:db");

        DatabaseCredentials first = provider.credentials();
        DatabaseCredentials second = provider.credentials();

        assertThat(first)
                .isEqualTo(new DatabaseCredentials("jdbc:postgresql://db:5432/c360?sslmode=require", "u", "p"));
        assertThat(second).isSameAs(first);
        assertThat(secrets.requestedIds).containsExactly("arn:secret:db");
    }
}
