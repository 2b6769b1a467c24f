package com.c360.contract;

import static com.c360.contract.JobArgument.DB_PASSWORD;
import static com.c360.contract.JobArgument.DB_SECRET_ID;
import static com.c360.contract.JobArgument.DB_URL;
import static com.c360.contract.JobArgument.DB_USER;

import java.util.Map;
import java.util.Objects;

/**
 * How gold→RDS reaches the database: on AWS the RDS secret's id ({@code --db_secret_id}), locally the login itself
 * ({@code --db_url}, {@code --db_user}, {@code --db_password}). Exactly one of the two is set.
 */
public record DatabaseArguments(String secretId, DatabaseLogin login) {

    public DatabaseArguments {
        if ((secretId == null) == (login == null)) {
            throw new IllegalArgumentException("Either a secret id or a login, not both and not neither");
        }
    }

    public static DatabaseArguments secret(String secretId) {
        return new DatabaseArguments(Objects.requireNonNull(secretId, "secretId"), null);
    }

    public static DatabaseArguments login(DatabaseLogin login) {
        return new DatabaseArguments(null, Objects.requireNonNull(login, "login"));
    }

    static DatabaseArguments from(JobArguments args) {
        var secretId = args.optional(DB_SECRET_ID.key());
        if (secretId.isPresent()) {
            return secret(secretId.get());
        }
        if (args.optional(DB_URL.key()).isEmpty()) {
            throw new IllegalArgumentException("Missing job argument --db_secret_id (or --db_url and --db_user)");
        }
        return login(new DatabaseLogin(args.required(DB_URL), args.required(DB_USER), args.orNull(DB_PASSWORD)));
    }

    public Map<String, String> toGlueArguments() {
        JobArguments.Renderer rendered = new JobArguments.Renderer().put(DB_SECRET_ID, secretId);
        if (login != null) {
            rendered.put(DB_URL, login.jdbcUrl()).put(DB_USER, login.user()).put(DB_PASSWORD, login.password());
        }
        return rendered.build();
    }
}
