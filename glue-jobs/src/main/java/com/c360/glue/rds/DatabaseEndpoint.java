package com.c360.glue.rds;

import com.c360.glue.JobArguments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the staging database is. On AWS the job gets {@code --db_secret_id} (the RDS secret JSON); locally
 * {@code --db_url} and {@code --db_user}, with the password, if any, from {@code C360_DB_PASSWORD} so it never shows
 * up in job arguments.
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password) {
    public static final String PASSWORD_ENV = "C360_DB_PASSWORD";
    private static final ObjectMapper JSON = new ObjectMapper();

    public static DatabaseEndpoint resolve(JobArguments args, Map<String, String> environment,
            Function<String, String> secretValueById) {
        var secretId = args.optional("db_secret_id");
        if (secretId.isPresent()) {
            return fromRdsSecret(secretValueById.apply(secretId.get()));
        }
        if (args.optional("db_url").isEmpty()) {
            throw new IllegalArgumentException("Missing job argument --db_secret_id (or --db_url and --db_user)");
        }
        return new DatabaseEndpoint(args.required("db_url"), args.required("db_user"), environment.get(PASSWORD_ENV));
    }

    static DatabaseEndpoint fromRdsSecret(String secretJson) {
        JsonNode secret;
        try {
            secret = JSON.readTree(secretJson);
        } catch (IOException e) {
            // The parser's message would quote the secret.
            throw new IllegalArgumentException("The database secret is not valid JSON");
        }
        String host = requiredText(secret, "host");
        int port = secret.hasNonNull("port") ? secret.get("port").asInt(5432) : 5432;
        String database = secret.hasNonNull("dbname") ? secret.get("dbname").asText() : "postgres";
        // RDS for Postgres 15+ enforces TLS; require encrypts without pinning the RDS CA bundle.
        return new DatabaseEndpoint("jdbc:postgresql://" + host + ":" + port + "/" + database + "?sslmode=require",
                requiredText(secret, "username"), requiredText(secret, "password"));
    }

    private static String requiredText(JsonNode secret, String field) {
        JsonNode value = secret == null ? null : secret.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("The database secret has no '" + field + "'");
        }
        return value.asText();
    }

    /** Through the driver's DataSource rather than DriverManager, which may not see drivers in Glue's user jar. */
    public Connection open() throws SQLException {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(jdbcUrl);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource.getConnection();
    }

    @Override
    public String toString() {
        return "DatabaseEndpoint[jdbcUrl=" + jdbcUrl + ", user=" + user + "]";
    }
}
