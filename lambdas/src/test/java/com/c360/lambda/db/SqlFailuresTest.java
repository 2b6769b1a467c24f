package com.c360.lambda.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SqlFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08001", "08006", "40001", "40P01", "53000", "53100", "53200", "53300",
        "57P01", "57P02", "57P03"})
    void transientStates_becomeTransientDatabaseException(String sqlState) {
        assertThat(SqlFailures.translate("work", new SQLException("boom", sqlState)))
                .isInstanceOf(TransientDatabaseException.class)
                .hasMessageContaining(sqlState);
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "23502", "42P01", "42601", "28P01", "22003", "40002", "57014", "XX000"})
    void otherStates_becomePermanentDatabaseException(String sqlState) {
        assertThat(SqlFailures.translate("work", new SQLException("boom", sqlState)))
                .isInstanceOf(PermanentDatabaseException.class);
    }

    @Test
    void missingState_isPermanent() {
        assertThat(SqlFailures.isTransient(new SQLException("no state"))).isFalse();
    }

    @Test
    void transientStateOnAChainedException_makesTheFailureTransient() {
        SQLException batch = new SQLException("batch failed", "23505");
        batch.setNextException(new SQLException("deadlock", "40P01"));

        assertThat(SqlFailures.isTransient(batch)).isTrue();
    }
}
