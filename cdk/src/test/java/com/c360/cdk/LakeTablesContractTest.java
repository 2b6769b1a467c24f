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
 * Athena reads the Parquet the Glue jobs write: a catalog type that differs from the file's type (say a decimal scale)
 * fails queries at read time. These compare the synthesized catalog with the contract's layer schemas, which a Glue
 * jobs test compares with the Spark schemas the jobs write.
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
    void silverCatalogColumns_areTheContractsSilverColumnsThenTheLineage() {
        assertThat(catalogColumns.get(LakeTables.SILVER_TABLE))
                .containsExactlyElementsOf(LakeSchemas.withLineage(LakeSchemas.SILVER));
    }

    @Test
    void quarantineCatalogColumns_areTheContractsQuarantineColumnsThenTheLineage() {
        assertThat(catalogColumns.get(LakeTables.QUARANTINE_TABLE))
                .containsExactlyElementsOf(LakeSchemas.withLineage(LakeSchemas.QUARANTINE));
    }

    @Test
    void goldCatalogColumns_areTheContractsGoldColumns() {
        assertThat(catalogColumns.get(LakeTables.GOLD_TABLE)).containsExactlyElementsOf(LakeSchemas.GOLD);
    }

    private static List<Column> columns(JsonNode columns) {
        List<Column> found = new ArrayList<>();
        columns.forEach(column -> found.add(new Column(column.path("Name").asText(), column.path("Type").asText())));
        return found;
    }
}
