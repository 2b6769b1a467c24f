package com.c360.glue;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.GlueJob;
import com.c360.contract.LakeSchemas;
import com.c360.contract.LineageColumn;
import com.c360.glue.gold.GoldAggregation;
import com.c360.glue.silver.PurchaseValidator;
import com.c360.glue.silver.SilverSplit;
import java.lang.reflect.Modifier;
import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The contract's layer schemas are what CDK declares in the catalog; these check they are what the jobs write, as
 * Spark names the types for the catalog.
 */
class LakeSchemasTest {
    @Test
    void silverContract_isTheSchemaBronzeToSilverWrites() {
        assertThat(columns(SilverSplit.SILVER_SCHEMA, SilverSplit.SILVER_COLUMNS))
                .containsExactlyElementsOf(LakeSchemas.SILVER);
    }

    @Test
    void quarantineContract_isTheSchemaBronzeToSilverWrites() {
        assertThat(columns(PurchaseValidator.CLASSIFIED_SCHEMA, SilverSplit.QUARANTINE_COLUMNS))
                .containsExactlyElementsOf(LakeSchemas.QUARANTINE);
    }

    @Test
    void goldContract_isTheSchemaSilverToGoldWrites() {
        assertThat(columns(GoldAggregation.SCHEMA, List.of(GoldAggregation.SCHEMA.fieldNames())))
                .containsExactlyElementsOf(LakeSchemas.GOLD);
    }

    @Test
    void lineageTypes_areSparkTypesWhoseCatalogNameIsTheSame() {
        for (LineageColumn column : LineageColumn.values()) {
            assertThat(DataType.fromDDL(column.type()).catalogString()).as(column.columnName())
                    .isEqualTo(column.type());
        }
    }

    @Test
    void everyCataloguedJob_hasAPublicMainInThisJar() throws Exception {
        for (GlueJob job : GlueJob.values()) {
            int modifiers = Class.forName(job.mainClass()).getMethod("main", String[].class).getModifiers();
            assertThat(Modifier.isStatic(modifiers) && Modifier.isPublic(modifiers)).as(job.mainClass()).isTrue();
        }
    }

    private static List<LakeSchemas.Column> columns(StructType schema, List<String> names) {
        return names.stream()
                .map(name -> new LakeSchemas.Column(name, schema.apply(name).dataType().catalogString()))
                .toList();
    }
}
