package com.c360.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads the JSON secret RDS generates for its master user ({@code host, port, dbname, username, password}): the one
 * parser for the Lambdas (from {@code DB_SECRET_ARN}) and gold→RDS (from {@code --db_secret_id}).
 */
public final class RdsSecret {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int DEFAULT_PORT = 5432;
    private static final String DEFAULT_DATABASE = "postgres";

    private RdsSecret() {
    }

    /** @throws DatabaseSecretException naming a missing field, never quoting the secret */
    public static DatabaseLogin parse(String secretJson) {
        JsonNode secret;
        try {
            secret = JSON.readTree(secretJson);
        } catch (JsonProcessingException e) {
            // The parser's message quotes the input, which is the secret itself.
            throw new DatabaseSecretException("The database secret is not valid JSON", null);
        }
        if (secret == null || !secret.isObject()) {
            throw new DatabaseSecretException("The database secret is not a JSON object", null);
        }
        String host = requiredText(secret, "host");
        int port = secret.hasNonNull("port") ? secret.get("port").asInt(DEFAULT_PORT) : DEFAULT_PORT;
        String database = secret.hasNonNull("dbname") ? secret.get("dbname").asText() : DEFAULT_DATABASE;
        // RDS enforces TLS by default from Postgres 15 on; sslmode=require encrypts without pinning the RDS CA bundle.
        String url = "jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=require";
        return new DatabaseLogin(url, requiredText(secret, "username"), requiredText(secret, "password"));
    }

    private static String requiredText(JsonNode secret, String field) {
        JsonNode value = secret.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new DatabaseSecretException("The database secret has no '" + field + "'", null);
        }
        return value.asText();
    }
}
