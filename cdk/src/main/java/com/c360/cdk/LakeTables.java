package com.c360.cdk;

import com.c360.contract.LakeRoots;
import com.c360.contract.LakeSchemas;
import com.c360.contract.LakeSchemas.Column;
import com.c360.contract.TableCatalog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Glue Data Catalog table CDK declares over the lake: quarantine, plain Parquet with the contract's columns
 * ({@link LakeSchemas}). Silver and gold are Iceberg tables ({@link TableCatalog#SILVER_TABLE},
 * {@link TableCatalog#GOLD_TABLE}) in the same database, which the Glue jobs create on their first run and commit to,
 * so CDK does not declare them.
 *
 * <p>Partition projection instead of a crawler: Athena computes partitions from the table properties, so a new file
 * is queryable the moment it lands and nothing has to run after each ingestion.
 * <ul>
 * <li>{@code ingestion_date} is a {@code date} projection (one value per day, 2020 until today).
 * <li>{@code source_file} (the first 16 hex digits of the bronze key's SHA-256, prefixed with {@code f}) cannot be
 *     enumerated in advance and is unbounded, so it is {@code injected}: a query must name the file(s) with
 *     {@code source_file = '...'} or {@code IN (...)}; the ids are in the audit records and in each row's
 *     {@code source_key}.
 * </ul>
 */
public final class LakeTables {
    public static final String QUARANTINE_TABLE = "quarantine_purchases";
    static final String PROJECTION_START_DATE = "2020-01-01";

    public static final List<Column> QUARANTINE_COLUMNS = LakeSchemas.withLineage(LakeSchemas.QUARANTINE);

    static final List<Column> INGESTION_PARTITIONS = List.of(
            new Column("ingestion_date", "date"), new Column("source_file", "string"));

    /** The named query the README points to: gold holds one row per customer, with its lifetime totals. */
    public static final String TOP_SPENDERS_SQL = """
            SELECT customer_id, full_name, email, total_spent_aud, purchase_count, first_purchase_date,
                   last_purchase_date
            FROM %s
            ORDER BY total_spent_aud DESC
            LIMIT 10
            """.formatted(TableCatalog.GOLD_TABLE);

    private LakeTables() {
    }

    /** One catalog table: where it lives and how Athena projects its partitions. */
    public record Table(String name, String description, String location, List<Column> columns,
                        List<Column> partitionKeys, Map<String, String> projection) {
    }

    /** The quarantine table for a deployment, at the location bronze→silver writes to. */
    public static Table quarantine(LakeRoots lake) {
        return new Table(QUARANTINE_TABLE, "Rejected bronze rows with the reason, one partition per bronze file",
                lake.quarantineRoot(), QUARANTINE_COLUMNS, INGESTION_PARTITIONS,
                ingestionProjection(lake.quarantineRoot()));
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
}
