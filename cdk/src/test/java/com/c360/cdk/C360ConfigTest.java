package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.logs.RetentionDays;

class C360ConfigTest {
    @Test
    void noContext_givesTheDevDefaults() {
        C360Config config = C360Config.defaults();

        assertThat(config).isEqualTo(new C360Config("dev", "G.1X", 2, "t4g.micro", false, Optional.empty(), 30, 30,
                7, false));
        assertThat(config.prefix()).isEqualTo("c360-dev");
        assertThat(config.catalogDatabaseName()).isEqualTo("c360_dev");
        assertThat(config.dataRemovalPolicy()).isEqualTo(RemovalPolicy.DESTROY);
        assertThat(config.logRetention()).isEqualTo(RetentionDays.ONE_MONTH);
    }

    @Test
    void commandLineContext_arrivesAsStrings_andIsParsed() {
        Map<String, Object> context = Map.of("envName", "prod", "glueWorkerType", "G.2X",
                "glueNumberOfWorkers", "10", "rdsInstanceClass", "m7g.large", "rdsMultiAz", "true",
                "alertEmail", "ops@example.com", "retentionDays", "365", "bronzeArchiveDays", "90",
                "athenaResultsDays", "3", "deletionProtection", "TRUE");

        C360Config config = C360Config.fromContext(context::get);

        assertThat(config).isEqualTo(new C360Config("prod", "G.2X", 10, "m7g.large", true,
                Optional.of("ops@example.com"), 365, 90, 3, true));
        assertThat(config.dataRemovalPolicy()).isEqualTo(RemovalPolicy.RETAIN);
        assertThat(config.logRetention()).isEqualTo(RetentionDays.ONE_YEAR);
    }

    @Test
    void cdkJsonContext_arrivesAsJsonTypes_andIsAccepted() {
        Map<String, Object> context = Map.of("glueNumberOfWorkers", 4, "deletionProtection", true,
                "alertEmail", "");

        C360Config config = C360Config.fromContext(context::get);

        assertThat(config.glueNumberOfWorkers()).isEqualTo(4);
        assertThat(config.deletionProtection()).isTrue();
        assertThat(config.alertEmail()).isEmpty();
    }

    @Test
    void invalidValues_failSynthNamingTheContextKey() {
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("retentionDays", "10")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("'retentionDays'");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("glueNumberOfWorkers", "1")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("'glueNumberOfWorkers'");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("glueNumberOfWorkers", "two")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("an integer");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("envName", "Prod_1")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("'envName'");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("deletionProtection", "yes")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("true or false");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("rdsInstanceClass", "db.t4g.micro")
                ::get)).isInstanceOf(InvalidContextException.class).hasMessageContaining("db. prefix");
        assertThatThrownBy(() -> C360Config.fromContext(Map.<String, Object>of("alertEmail", "ops")::get))
                .isInstanceOf(InvalidContextException.class).hasMessageContaining("'alertEmail'");
    }
}
