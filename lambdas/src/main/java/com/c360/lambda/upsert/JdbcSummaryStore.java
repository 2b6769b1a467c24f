package com.c360.lambda.upsert;

import com.c360.lambda.db.ConnectionProvider;
import com.c360.lambda.db.SqlFailures;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/** {@link SummaryStore} on Postgres: one connection and one transaction per upsert. */
public final class JdbcSummaryStore implements SummaryStore {
    private final ConnectionProvider connections;

    public JdbcSummaryStore(ConnectionProvider connections) {
        this.connections = Objects.requireNonNull(connections, "connections");
    }

    @Override
    public <T> T inTransaction(TransactionWork<T> work) {
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            T result;
            try {
                result = work.run(new JdbcSummaryTransaction(connection));
            } catch (RuntimeException e) {
                rollback(connection, e);
                throw e;
            }
            connection.commit();
            return result;
        } catch (SQLException e) {
            throw SqlFailures.translate("Summary upsert transaction", e);
        }
    }

    private static void rollback(Connection connection, RuntimeException failure) {
        try {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            // Closing the connection discards the transaction anyway; keep the original failure in front.
            failure.addSuppressed(rollbackFailure);
        }
    }
}
