package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.lambda.trigger.ObjectVersion.Source;
import org.junit.jupiter.api.Test;

class ExecutionNamesTest {
    private static final ObjectVersion V1 = new ObjectVersion(Source.VERSION_ID, "v1");

    @Test
    void name_isFileStemPlusDashPlus24HexHash() {
        String name = ExecutionNames.forObject("bucket", "in/2024/purchases_may.csv", V1);

        assertThat(name).matches("purchases_may-[0-9a-f]{24}");
    }

    @Test
    void sameObjectIdentity_givesSameName() {
        assertThat(ExecutionNames.forObject("bucket", "in/a.csv", V1))
                .isEqualTo(ExecutionNames.forObject("bucket", "in/a.csv", new ObjectVersion(Source.VERSION_ID, "v1")));
    }

    @Test
    void anyDifferentIdentityPart_givesDifferentName() {
        String base = ExecutionNames.forObject("bucket", "in/a.csv", V1);

        assertThat(ExecutionNames.forObject("other-bucket", "in/a.csv", V1)).isNotEqualTo(base);
        assertThat(ExecutionNames.forObject("bucket", "out/a.csv", V1)).isNotEqualTo(base);
        assertThat(ExecutionNames.forObject("bucket", "in/a.csv", new ObjectVersion(Source.VERSION_ID, "v2")))
                .isNotEqualTo(base);
        assertThat(ExecutionNames.forObject("bucket", "in/a.csv", new ObjectVersion(Source.ETAG, "v1")))
                .isNotEqualTo(base);
    }

    @Test
    void partsThatConcatenateAlike_stillGiveDifferentNames() {
        assertThat(ExecutionNames.forObject("ab", "c.csv", V1))
                .isNotEqualTo(ExecutionNames.forObject("a", "bc.csv", V1));
    }

    @Test
    void veryLongFileName_isCutTo80Characters() {
        String key = "in/" + "x".repeat(300) + ".csv";

        String name = ExecutionNames.forObject("bucket", key, V1);

        assertThat(name).hasSize(80).startsWith("x".repeat(55) + "-");
    }

    @Test
    void fileNameWithNoSafeCharacters_getsGenericPrefix() {
        assertThat(ExecutionNames.forObject("bucket", "in/€ ü.csv", V1)).matches("object-[0-9a-f]{24}");
    }

    @Test
    void unsafeCharacters_collapseToSingleDashes_andEdgesAreTrimmed() {
        assertThat(ExecutionNames.readablePrefix("in/ (customer) list #2.CSV")).isEqualTo("customer-list-2");
    }
}
