package com.c360.lambda.db;

import com.c360.contract.DatabaseLogin;
import com.c360.contract.DatabaseSecretException;
import com.c360.contract.LambdaFunction;
import com.c360.contract.RdsSecret;
import com.c360.lambda.FunctionEnvironment;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Credentials from the RDS secret named by {@code DB_SECRET_ARN}. The secret is fetched on first use and kept for the
 * life of the container, so a warm invocation costs no Secrets Manager call.
 */
public final class SecretsManagerConnectionProvider implements ConnectionProvider {
    private final SecretsManagerClient secretsManager;
    private final String secretId;
    private volatile DatabaseCredentials credentials;

    public SecretsManagerConnectionProvider(SecretsManagerClient secretsManager, String secretId) {
        this.secretsManager = Objects.requireNonNull(secretsManager, "secretsManager");
        this.secretId = Objects.requireNonNull(secretId, "secretId");
    }

    public static SecretsManagerConnectionProvider fromEnvironment() {
        String secretId = FunctionEnvironment.required(LambdaFunction.DB_SECRET_ARN_ENV);
        SecretsManagerClient client = SecretsManagerClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build();
        return new SecretsManagerConnectionProvider(client, secretId);
    }

    @Override
    public DatabaseCredentials credentials() {
        DatabaseCredentials cached = credentials;
        if (cached == null) {
            String secretJson = secretsManager.getSecretValue(request -> request.secretId(secretId)).secretString();
            if (secretJson == null) {
                throw new DatabaseSecretException("Secret " + secretId + " has no SecretString", null);
            }
            DatabaseLogin login = RdsSecret.parse(secretJson);
            cached = new DatabaseCredentials(login.jdbcUrl(), login.user(), login.password());
            credentials = cached;
        }
        return cached;
    }
}
