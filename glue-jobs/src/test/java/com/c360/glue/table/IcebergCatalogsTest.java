package com.c360.glue.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.c360.contract.TableCatalog;
import org.junit.jupiter.api.Test;

class IcebergCatalogsTest {

    @Test
    void glueKind_pointsTheCatalogAtGlue_withTheLayerRootAsWarehouse_andNoTableCache() {
        assertThat(IcebergCatalogs.settings("c360_gold", TableCatalog.Kind.GLUE, "s3://lake-gold/"))
                .containsExactly(
                        entry("spark.sql.catalog.c360_gold", "org.apache.iceberg.spark.SparkCatalog"),
                        entry("spark.sql.catalog.c360_gold.catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog"),
                        entry("spark.sql.catalog.c360_gold.warehouse", "s3://lake-gold"),
                        entry("spark.sql.catalog.c360_gold.cache-enabled", "false"));
    }

    @Test
    void hadoopKind_usesTheHadoopCatalogType_withTheLayerRootAsWarehouse_andNoTableCache() {
        assertThat(IcebergCatalogs.settings("c360_silver", TableCatalog.Kind.HADOOP, "file:/tmp/lake/silver"))
                .containsExactly(
                        entry("spark.sql.catalog.c360_silver", "org.apache.iceberg.spark.SparkCatalog"),
                        entry("spark.sql.catalog.c360_silver.type", "hadoop"),
                        entry("spark.sql.catalog.c360_silver.warehouse", "file:/tmp/lake/silver"),
                        entry("spark.sql.catalog.c360_silver.cache-enabled", "false"));
    }

    @Test
    void rootWithTrailingSlashes_namesTheSameWarehouseAsWithout() {
        assertThat(IcebergCatalogs.settings("c360_silver", TableCatalog.Kind.HADOOP, "file:/tmp/lake/silver///"))
                .isEqualTo(IcebergCatalogs.settings("c360_silver", TableCatalog.Kind.HADOOP, "file:/tmp/lake/silver"));
    }
}
