package com.c360.glue.rds;

import com.c360.contract.DatabaseArguments;
import com.c360.contract.DatabaseLogin;
import com.c360.contract.RdsSecret;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the staging database is. On AWS the job gets {@code --db_secret_id} (the RDS secret JSON); locally the login
 * itself as job arguments, as the local runtime's stand-in for the secret.
 */
public record DatabaseEndpoint(String jdbcUrl, String user, String password) {

    public static DatabaseEndpoint resolve(DatabaseArguments database, Function<String, String> secretValueById) {
        DatabaseLogin login = database.secretId() != null
                ? RdsSecret.parse(secretValueById.apply(database.secretId()))
                : database.login();
        return new DatabaseEndpoint(login.jdbcUrl(), login.user(), login.password());
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
