package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.silver.PurchaseValidator;
import com.c360.glue.silver.SilverSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Athena reads the Parquet the Glue jobs write: a catalog type that differs from the file's type (say a decimal scale)
 * fails queries at read time. These compare the catalog with the Spark schemas the jobs use.
 */
class LakeTablesContractTest {
    @Test
    void silverCatalogColumns_matchTheSchemaBronzeToSilverWrites() {
        Map<String, String> written = catalogTypes(SilverSplit.SILVER_SCHEMA, SilverSplit.SILVER_COLUMNS);

        assertThat(withoutLineage(LakeTables.SILVER_COLUMNS)).containsExactlyEntriesOf(written);
    }

    @Test
    void quarantineCatalogColumns_matchTheSchemaBronzeToSilverWrites() {
        Map<String, String> written = catalogTypes(PurchaseValidator.CLASSIFIED_SCHEMA, SilverSplit.QUARANTINE_COLUMNS);

        assertThat(withoutLineage(LakeTables.QUARANTINE_COLUMNS)).containsExactlyEntriesOf(written);
    }

    @Test
    void lineageColumns_followTheLayerColumns() {
        List<String> lineage = List.of("source_key", "source_version", "run_id", "ingested_at");

        assertThat(LakeTables.SILVER_COLUMNS.subList(LakeTables.SILVER_COLUMNS.size() - 4,
                LakeTables.SILVER_COLUMNS.size())).extracting(LakeTables.Column::name).isEqualTo(lineage);
        assertThat(LakeTables.QUARANTINE_COLUMNS.subList(LakeTables.QUARANTINE_COLUMNS.size() - 4,
                LakeTables.QUARANTINE_COLUMNS.size())).extracting(LakeTables.Column::name).isEqualTo(lineage);
    }

    private static Map<String, String> catalogTypes(StructType schema, List<String> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        for (String column : columns) {
            types.put(column, schema.apply(column).dataType().catalogString());
        }
        return types;
    }

    private static Map<String, String> withoutLineage(List<LakeTables.Column> columns) {
        Map<String, String> types = new LinkedHashMap<>();
        columns.subList(0, columns.size() - LakeTables.LINEAGE.size())
                .forEach(column -> types.put(column.name(), column.type()));
        return types;
    }
}
