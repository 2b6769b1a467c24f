package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JobArgumentsTest {

    @Test
    void glueStyleArguments_withGlueOwnKeys_parseByKey() {
        JobArguments args = JobArguments.parse("--JOB_ID", "j_1", "--ingestion_date", "2026-11-22", "--enable-metrics", "--run_id", "r-1");

        assertThat(args.required("run_id")).isEqualTo("r-1");
        assertThat(args.requiredDate("ingestion_date")).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(args.optional("enable-metrics")).isEmpty();
        assertThat(args.optional("absent")).isEmpty();
    }

    @Test
    void missingRequiredArgument_failsNamingTheKey() {
        assertThatThrownBy(() -> JobArguments.parse("--run_id", "r").required("silver_root"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--silver_root");
    }

    @Test
    void badDate_failsNamingKeyAndValue() {
        assertThatThrownBy(() -> JobArguments.parse("--ingestion_date", "22/11/2026").requiredDate("ingestion_date"))
                .hasMessageContaining("--ingestion_date").hasMessageContaining("22/11/2026");
    }

    @Test
    void valueWithoutKey_isRejected() {
        assertThatThrownBy(() -> JobArguments.parse("orphan")).hasMessageContaining("orphan");
    }
}
