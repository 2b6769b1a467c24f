package com.c360.glue.table;

import com.c360.contract.TableCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Points the session's two Iceberg catalogs (silver, gold) at the catalog service of {@link TableCatalog} with each
 * layer's root as its warehouse. Set at run time from the job's arguments, so Glue and the local runtime configure
 * them through the same code; only {@link TableCatalog.Kind} differs.
 */
public final class IcebergCatalogs {
    private static final String CATALOG_PREFIX = "spark.sql.catalog.";

    private IcebergCatalogs() {
    }

    /** Silver's catalog, with silver's root as its warehouse. */
    public static void silver(SparkSession spark, TableCatalog catalog, String silverRoot) {
        configure(spark, settings(TableCatalog.SILVER_CATALOG, catalog.kind(), silverRoot));
    }

    /** Gold's catalog, with gold's root as its warehouse. */
    public static void gold(SparkSession spark, TableCatalog catalog, String goldRoot) {
        configure(spark, settings(TableCatalog.GOLD_CATALOG, catalog.kind(), goldRoot));
    }

    /**
     * Spark builds a catalog once, on first use, and keeps it: a session that served other roots before (the local
     * runtime's tests ingest into several lakes in one JVM) drops its built catalogs when the settings change.
     */
    private static synchronized void configure(SparkSession spark, Map<String, String> settings) {
        boolean changed = false;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (!setting.getValue().equals(spark.conf().get(setting.getKey(), null))) {
                spark.conf().set(setting.getKey(), setting.getValue());
                changed = true;
            }
        }
        if (changed) {
            ((org.apache.spark.sql.classic.SparkSession) spark).sessionState().catalogManager().reset();
        }
    }

    static Map<String, String> settings(String catalogName, TableCatalog.Kind kind, String warehouse) {
        String prefix = CATALOG_PREFIX + catalogName;
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(prefix, TableCatalog.SPARK_CATALOG_CLASS);
        kind.catalogProperty().forEach((property, value) -> settings.put(prefix + "." + property, value));
        // One spelling per root: a changed setting drops the session's catalogs.
        settings.put(prefix + ".warehouse", warehouse.replaceAll("/+$", ""));
        // A cached table would answer with the snapshot of its first load: reads after another run's commit must see
        // that commit.
        settings.put(prefix + ".cache-enabled", "false");
        return settings;
    }
}
