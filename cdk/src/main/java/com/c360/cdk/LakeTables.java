package com.c360.cdk;

import static com.c360.contract.LakeLayout.DAY;
import static com.c360.contract.LakeLayout.MONTH;
import static com.c360.contract.LakeLayout.YEAR;

import com.c360.contract.LakeRoots;
import com.c360.contract.LakeSchemas;
import com.c360.contract.LakeSchemas.Column;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Glue Data Catalog tables over the lake, with the contract's columns ({@link LakeSchemas}), which a Glue jobs
 * test checks against the schemas the jobs write.
 *
 * <p>Partition projection instead of a crawler: Athena computes partitions from the table properties, so a new file
 * is queryable the moment it lands and nothing has to run after each ingestion.
 * <ul>
 * <li>{@code ingestion_date} is a {@code date} projection (one value per day, 2020 until today).
 * <li>{@code source_file} (the first 16 hex digits of the bronze key's SHA-256, prefixed with {@code f}) cannot be
 *     enumerated in advance and is unbounded, so it is {@code injected}: a query must name the file(s) with
 *     {@code source_file = '...'} or {@code IN (...)}; the ids are in the audit records and in each row's
 *     {@code source_key}. Per-day questions belong to gold.
 * <li>Gold's {@code year}, {@code month}, {@code day} are zero-padded strings, so {@code integer} projections with
 *     {@code digits}; days that do not exist (e.g. 31 February) simply have no objects.
 * </ul>
 */
public final class LakeTables {
    public static final String SILVER_TABLE = "silver_purchases";
    public static final String QUARANTINE_TABLE = "quarantine_purchases";
    public static final String GOLD_TABLE = "gold_customer_daily";
    static final String PROJECTION_START_DATE = "2020-01-01";
    static final String PROJECTION_LAST_YEAR = "2099";

    public static final List<Column> SILVER_COLUMNS = LakeSchemas.withLineage(LakeSchemas.SILVER);
    public static final List<Column> QUARANTINE_COLUMNS = LakeSchemas.withLineage(LakeSchemas.QUARANTINE);
    public static final List<Column> GOLD_COLUMNS = LakeSchemas.GOLD;

    static final List<Column> INGESTION_PARTITIONS = List.of(
            new Column("ingestion_date", "date"), new Column("source_file", "string"));
    static final List<Column> GOLD_PARTITIONS = List.of(
            new Column(YEAR, "string"), new Column(MONTH, "string"), new Column(DAY, "string"));

    /** The named query the README points to: lifetime spend per customer, from gold. */
    public static final String TOP_SPENDERS_SQL = """
            -- Top 10 customers by lifetime spend in AUD. Gold holds one row per customer and ingestion day.
            SELECT customer_id,
                   max_by(full_name, last_purchase_date) AS full_name,
                   max_by(email, last_purchase_date)     AS email,
                   sum(total_spent_aud)                  AS total_spent_aud,
                   sum(purchase_count)                   AS purchase_count,
                   min(first_purchase_date)              AS first_purchase_date,
                   max(last_purchase_date)               AS last_purchase_date
            FROM %s
            GROUP BY customer_id
            ORDER BY total_spent_aud DESC
            LIMIT 10
            """.formatted(GOLD_TABLE);

    private LakeTables() {
    }

    /** One catalog table: where it lives and how Athena projects its partitions. */
    public record Table(String name, String description, String location, List<Column> columns,
                        List<Column> partitionKeys, Map<String, String> projection) {
    }

    /** The three tables for a deployment, at the locations the Glue jobs write to. */
    public static List<Table> forLake(LakeRoots lake) {
        return List.of(
                new Table(SILVER_TABLE, "Valid purchases, one partition per bronze file and ingestion day",
                        lake.silverRoot(), SILVER_COLUMNS, INGESTION_PARTITIONS, ingestionProjection(lake.silverRoot())),
                new Table(QUARANTINE_TABLE, "Rejected bronze rows with the reason, one partition per bronze file",
                        lake.quarantineRoot(), QUARANTINE_COLUMNS, INGESTION_PARTITIONS,
                        ingestionProjection(lake.quarantineRoot())),
                new Table(GOLD_TABLE, "Per customer and ingestion day: spend in AUD, purchase count and dates",
                        lake.goldRoot(), GOLD_COLUMNS, GOLD_PARTITIONS, goldProjection(lake.goldRoot())));
    }

    private static Map<String, String> ingestionProjection(String root) {
        Map<String, String> projection = new LinkedHashMap<>();
        projection.put("projection.ingestion_date.type", "date");
        projection.put("projection.ingestion_date.format", "yyyy-MM-dd");
        projection.put("projection.ingestion_date.range", PROJECTION_START_DATE + ",NOW");
        projection.put("projection.ingestion_date.interval", "1");
        projection.put("projection.ingestion_date.interval.unit", "DAYS");
        projection.put("projection.source_file.type", "injected");
        projection.put("storage.location.template",
                root + "/ingestion_date=${ingestion_date}/source_file=${source_file}/");
        return projection;
    }

    private static Map<String, String> goldProjection(String root) {
        Map<String, String> projection = new LinkedHashMap<>();
        projection.put("projection.year.type", "integer");
        projection.put("projection.year.range", PROJECTION_START_DATE.substring(0, 4) + "," + PROJECTION_LAST_YEAR);
        projection.put("projection.year.digits", "4");
        projection.put("projection.month.type", "integer");
        projection.put("projection.month.range", "1,12");
        projection.put("projection.month.digits", "2");
        projection.put("projection.day.type", "integer");
        projection.put("projection.day.range", "1,31");
        projection.put("projection.day.digits", "2");
        projection.put("storage.location.template", root + "/year=${year}/month=${month}/day=${day}/");
        return projection;
    }
}
