package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.silver.LineageColumn;
import com.c360.glue.silver.PurchaseValidator;
import com.c360.glue.silver.SilverSplit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
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
    void lineageColumns_followTheLayerColumns_asBronzeToSilverAppendsThem() {
        List<String> lineage = Arrays.stream(LineageColumn.values())
                .map(column -> column.columnName() + " " + column.type()).toList();

        assertThat(lineage).hasSize(4);
        assertThat(namesAndTypes(LakeTables.SILVER_COLUMNS)).endsWith(lineage.toArray(String[]::new))
                .hasSize(SilverSplit.SILVER_COLUMNS.size() + lineage.size());
        assertThat(namesAndTypes(LakeTables.QUARANTINE_COLUMNS)).endsWith(lineage.toArray(String[]::new))
                .hasSize(SilverSplit.QUARANTINE_COLUMNS.size() + lineage.size());
    }

    @Test
    void lineageTypes_areSparkTypesWhoseCatalogNameIsTheSame() {
        for (LineageColumn column : LineageColumn.values()) {
            assertThat(DataType.fromDDL(column.type()).catalogString()).as(column.columnName())
                    .isEqualTo(column.type());
        }
    }

    private static List<String> namesAndTypes(List<LakeTables.Column> columns) {
        return columns.stream().map(column -> column.name() + " " + column.type()).toList();
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
