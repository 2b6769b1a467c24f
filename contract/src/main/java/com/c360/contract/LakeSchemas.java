package com.c360.contract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The columns of the Parquet each layer holds, with Hive (Glue Data Catalog) type names. The jobs' Spark schemas and
 * CDK's catalog tables are both checked against these: Athena fails at read time on a type that differs from the
 * file's (say a decimal scale).
 */
public final class LakeSchemas {
    /** Silver's purchase columns; bronze→silver appends the {@link #LINEAGE} after them. */
    public static final List<Column> SILVER = List.of(
            new Column("purchase_id", "bigint"),
            new Column("customer_id", "bigint"),
            new Column("full_name", "string"),
            new Column("email", "string"),
            new Column("purchase_date", "date"),
            new Column("amount", "decimal(18,6)"),
            new Column("currency", "string"),
            new Column("fx_rate", "decimal(20,10)"),
            new Column("amount_aud", "decimal(18,2)"),
            new Column("source_line", "bigint"));

    /** Quarantine's columns; bronze→silver appends the {@link #LINEAGE} after them. */
    public static final List<Column> QUARANTINE = List.of(
            new Column("source_line", "bigint"),
            new Column("reason", "string"),
            new Column("reason_detail", "string"),
            new Column("rule", "string"),
            new Column("raw_customer_id", "string"),
            new Column("raw_first_name", "string"),
            new Column("raw_last_name", "string"),
            new Column("raw_email", "string"),
            new Column("raw_purchase_id", "string"),
            new Column("raw_purchase_date", "string"),
            new Column("raw_amount", "string"),
            new Column("raw_currency", "string"));

    /**
     * Gold's columns, one row per customer over every purchase in silver: what Athena, the gold→RDS job and the lake
     * top-spenders read. {@code silver_version} is the sequence number of the silver snapshot the row was computed
     * from, so a consumer can tell the newer of two computations of one customer.
     */
    public static final List<Column> GOLD = List.of(
            new Column("customer_id", "bigint"),
            new Column("full_name", "string"),
            new Column("email", "string"),
            new Column("total_spent_aud", "decimal(18,2)"),
            new Column("purchase_count", "bigint"),
            new Column("first_purchase_date", "date"),
            new Column("last_purchase_date", "date"),
            new Column("latest_purchase_id", "bigint"),
            new Column("silver_version", "bigint"));

    /** The lineage bronze→silver appends to every silver and quarantine row, in this order. */
    public static final List<Column> LINEAGE = Arrays.stream(LineageColumn.values())
            .map(column -> new Column(column.columnName(), column.type()))
            .toList();

    /** The silver table: purchases, lineage, and the ingestion day of the upload whose version it holds. */
    public static final List<Column> SILVER_TABLE = withIngestionDate(withLineage(SILVER));

    private LakeSchemas() {
    }

    /** A column: name and Hive type name. */
    public record Column(String name, String type) {
    }

    public static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    private static List<Column> withIngestionDate(List<Column> columns) {
        List<Column> all = new ArrayList<>(columns);
        all.add(new Column("ingestion_date", "date"));
        return List.copyOf(all);
    }

    /** The layer's columns followed by the lineage, as the files hold them. */
    public static List<Column> withLineage(List<Column> columns) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(LINEAGE);
        return List.copyOf(all);
    }
}
