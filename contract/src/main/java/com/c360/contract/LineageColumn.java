package com.c360.contract;

/**
 * The lineage bronze→silver appends, in this order, to every silver and quarantine row. Each column is cast to its
 * type, so the type here is the type in the Parquet files. Free of Spark types on purpose: the CDK app, which has no
 * Spark at synth, builds the catalog tables' lineage columns from this.
 */
public enum LineageColumn {
    SOURCE_KEY("source_key", "string"),
    SOURCE_VERSION("source_version", "string"),
    RUN_ID("run_id", "string"),
    /** {@link UploadOrder}: among versions of one purchase, the greatest is the one that counts. */
    UPLOAD_ORDER("upload_order", "string"),
    INGESTED_AT("ingested_at", "timestamp");

    private final String columnName;
    private final String type;

    LineageColumn(String columnName, String type) {
        this.columnName = columnName;
        this.type = type;
    }

    public String columnName() {
        return columnName;
    }

    /** Spark SQL type name, which is also the Hive (Glue Data Catalog) type name for these types. */
    public String type() {
        return type;
    }
}
