package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.LakeSchemas;
import com.c360.contract.LakeSchemas.Column;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Athena reads the quarantine Parquet bronze→silver writes: a catalog type that differs from the file's type fails
 * queries at read time. This compares the synthesized catalog with the contract's quarantine schema, which a Glue jobs
 * test compares with the Spark schema the job writes. Silver and gold are Iceberg tables the jobs create themselves,
 * so their columns are the jobs' own.
 */
class LakeTablesContractTest {
    private static Map<String, List<Column>> catalogColumns;

    @BeforeAll
    static void synthesize() {
        catalogColumns = new HashMap<>();
        SynthesizedApp.resources(SynthesizedApp.template(SynthesizedApp.stacks().analytics()), "AWS::Glue::Table")
                .values().forEach(table -> catalogColumns.put(table.at("/Properties/TableInput/Name").asText(),
                        columns(table.at("/Properties/TableInput/StorageDescriptor/Columns"))));
    }

    @Test
    void quarantineCatalogColumns_areTheContractsQuarantineColumnsThenTheLineage() {
        assertThat(catalogColumns.get(LakeTables.QUARANTINE_TABLE))
                .containsExactlyElementsOf(LakeSchemas.withLineage(LakeSchemas.QUARANTINE));
    }

    private static List<Column> columns(JsonNode columns) {
        List<Column> found = new ArrayList<>();
        columns.forEach(column -> found.add(new Column(column.path("Name").asText(), column.path("Type").asText())));
        return found;
    }
}
