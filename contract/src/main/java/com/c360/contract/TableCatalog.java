package com.c360.contract;

import static com.c360.contract.JobArgument.CATALOG;
import static com.c360.contract.JobArgument.CATALOG_DATABASE;

import java.util.Locale;
import java.util.Map;

/**
 * The Iceberg catalog the jobs commit silver and gold to: the Glue Data Catalog on AWS (which Athena reads), a Hadoop
 * catalog in the lake's own folders locally. Only this adapter differs between the runtimes; the tables, the SQL and
 * the jobs are the same. Each layer gets its own Spark catalog name, whose warehouse is that layer's root, so silver's
 * files stay in the silver bucket and gold's in the gold bucket.
 */
public record TableCatalog(Kind kind, String database) {
    /** Spark catalog names; both point at the same catalog service with a different warehouse. */
    public static final String SILVER_CATALOG = "c360_silver";
    public static final String GOLD_CATALOG = "c360_gold";
    /** Table names, unique within the database: on AWS both tables share one Glue database. */
    public static final String SILVER_TABLE = "silver_purchases";
    public static final String GOLD_TABLE = "gold_customer_summary";
    /** Athena reads Iceberg format 2 and cannot read 3. */
    public static final String FORMAT_VERSION = "2";
    public static final String SPARK_EXTENSIONS = "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions";
    public static final String SPARK_CATALOG_CLASS = "org.apache.iceberg.spark.SparkCatalog";
    /** The local database name; on AWS it is the deployment's Glue database. */
    public static final String LOCAL_DATABASE = "c360";

    public enum Kind {
        GLUE("catalog-impl", "org.apache.iceberg.aws.glue.GlueCatalog"),
        HADOOP("type", "hadoop");

        private final String property;
        private final String value;

        Kind(String property, String value) {
            this.property = property;
            this.value = value;
        }

        /** The Spark catalog property ({@code type} or {@code catalog-impl}) and its value for this kind. */
        public Map<String, String> catalogProperty() {
            return Map.of(property, value);
        }

        public String argument() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind fromArgument(String argument) {
            for (Kind kind : values()) {
                if (kind.argument().equals(argument)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("Job argument --" + CATALOG.key() + " must be glue or hadoop, got '"
                    + argument + "'");
        }
    }

    public TableCatalog {
        if (kind == null) {
            throw new IllegalArgumentException("catalog kind is required");
        }
        if (database == null || !database.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("catalog database must be lower-case letters, digits and _, got '"
                    + database + "'");
        }
    }

    public static TableCatalog local() {
        return new TableCatalog(Kind.HADOOP, LOCAL_DATABASE);
    }

    public static TableCatalog from(JobArguments args) {
        return new TableCatalog(Kind.fromArgument(args.required(CATALOG)), args.required(CATALOG_DATABASE));
    }

    /** {@code c360_silver.<database>.silver_purchases}, as Spark SQL names it. */
    public String silverTable() {
        return SILVER_CATALOG + "." + database + "." + SILVER_TABLE;
    }

    /** {@code c360_gold.<database>.gold_customer_summary}, as Spark SQL names it. */
    public String goldTable() {
        return GOLD_CATALOG + "." + database + "." + GOLD_TABLE;
    }

    public Map<String, String> toGlueArguments() {
        return new JobArguments.Renderer().put(CATALOG, kind.argument()).put(CATALOG_DATABASE, database).build();
    }
}
