package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RdsSecretTest {

    @Test
    void rdsGeneratedSecret_becomesTlsJdbcUrlAndCredentials() {
        String secret = """
                {"engine":"postgres","host":"c360.abc123.ap-southeast-2.rds.amazonaws.com","port":5432,
                 "dbname":"c360","username":"c360_admin","password":"s3cr3t","dbInstanceIdentifier":"c360"}""";

        DatabaseLogin credentials = RdsSecret.parse(secret);

        assertThat(credentials.jdbcUrl())
                .isEqualTo("jdbc:postgresql://c360.abc123.ap-southeast-2.rds.amazonaws.com:5432/c360?sslmode=require");
        assertThat(credentials.user()).isEqualTo("c360_admin");
        assertThat(credentials.password()).isEqualTo("s3cr3t");
    }

    @Test
    void portAsString_andNoDbname_defaultToThatPortAndPostgres() {
        DatabaseLogin credentials = RdsSecret.parse(
                "{\"host\":\"db\",\"port\":\"6543\",\"username\":\"u\",\"password\":\"p\"}");

        assertThat(credentials.jdbcUrl()).isEqualTo("jdbc:postgresql://db:6543/postgres?sslmode=require");
    }

    @Test
    void missingPassword_isRejected() {
        assertThatThrownBy(() -> RdsSecret.parse("{\"host\":\"db\",\"username\":\"u\"}"))
                .isInstanceOf(DatabaseSecretException.class)
                .hasMessageContaining("password");
    }

    @Test
    void invalidJson_isRejected_withoutEchoingTheSecret() {
        assertThatThrownBy(() -> RdsSecret.parse("{\"password\":\"hunter2\""))
                .isInstanceOf(DatabaseSecretException.class)
                .hasNoCause()
                .message().doesNotContain("hunter2");
    }

    @Test
    void credentials_neverPrintThePassword() {
        assertThat(new DatabaseLogin("jdbc:postgresql://db/x", "u", "hunter2").toString())
                .doesNotContain("hunter2");
    }
}
