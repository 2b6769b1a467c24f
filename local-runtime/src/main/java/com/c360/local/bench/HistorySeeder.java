package com.c360.local.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_add;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.pmod;

import com.c360.contract.LakeSchemas;
import com.c360.contract.LineageColumn;
import com.c360.contract.TableCatalog;
import com.c360.contract.UploadOrder;
import com.c360.glue.gold.GoldAggregation;
import com.c360.glue.table.IcebergCatalogs;
import com.c360.glue.table.IcebergTables;
import com.c360.local.LocalLake;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.types.DataTypes;

/**
 * Writes a synthetic history straight into a lake's silver and gold tables, through the jobs' own table code: what
 * years of daily files would have left there, without running them all through bronze→silver (ten million rows would
 * take minutes of CSV parsing that the benchmark does not measure). Silver rows are valid AUD purchases from one old
 * upload; gold is every customer aggregated from that silver, as silver→gold would have computed it.
 *
 * <p>Row {@code i} (from 0) is purchase {@link #FIRST_PURCHASE_ID}{@code + i} of customer {@link #customerOf}, for
 * {@link #amountAudOf} dollars: tests recompute a customer's history from these without Spark.
 */
public final class HistorySeeder {
    /**
     * Above every id the sample generator gives (it starts at 7,000,001 and a file has fewer rows than that), so a
     * generated file's purchases are all new to this history and its keys fall outside every silver file's range.
     */
    public static final long FIRST_PURCHASE_ID = 1_000_000_000L;
    /** The sample generator's first customer id: a generated file's customers are the history's first ones. */
    public static final long FIRST_CUSTOMER_ID = 100_001L;
    /** Ten purchases per customer, up to a million customers. */
    public static final int PURCHASES_PER_CUSTOMER = 10;
    public static final int MAX_CUSTOMERS = 1_000_000;

    /** Older than any upload the benchmark makes afterwards, so the file's versions are the later ones. */
    private static final Instant UPLOADED_AT = Instant.parse("2024-01-01T00:00:00Z");
    private static final LocalDate FIRST_PURCHASE_DATE = LocalDate.of(2023, 1, 1);
    private static final int PURCHASE_DAYS = 365;
    private static final String SOURCE_KEY = "incoming/bench-history.csv";
    /** Amounts cycle through 1.00 to 500.99 AUD in steps that are coprime with the cycle's length. */
    private static final long AMOUNT_CENTS_CYCLE = 50_000;
    private static final long AMOUNT_CENTS_STEP = 7_919;
    private static final long MIN_AMOUNT_CENTS = 100;

    private final SparkSession spark;
    private final LocalLake lake;

    public HistorySeeder(SparkSession spark, LocalLake lake) {
        this.spark = spark;
        this.lake = lake;
    }

    /** What was seeded: silver's rows and data files, gold's rows. */
    public record Seeded(long silverRows, int silverFiles, long goldRows) {
    }

    /** Customers in a history of {@code rows} purchases. */
    public static int customersFor(long rows) {
        return (int) Math.max(1, Math.min(MAX_CUSTOMERS, rows / PURCHASES_PER_CUSTOMER));
    }

    public static long customerOf(long row, int customers) {
        return FIRST_CUSTOMER_ID + row % customers;
    }

    public static BigDecimal amountAudOf(long row) {
        return BigDecimal.valueOf(MIN_AMOUNT_CENTS + row * AMOUNT_CENTS_STEP % AMOUNT_CENTS_CYCLE, 2);
    }

    /** Seeds empty silver and gold tables with {@code rows} purchases; fails if either table already has data. */
    public Seeded seed(long rows) {
        TableCatalog catalog = TableCatalog.local();
        IcebergCatalogs.silver(spark, catalog, lake.uri(LocalLake.SILVER));
        IcebergCatalogs.gold(spark, catalog, lake.uri(LocalLake.GOLD));
        Table silver = IcebergTables.silver(spark, catalog);
        Table gold = IcebergTables.gold(spark, catalog);
        if (silver.currentSnapshot() != null || gold.currentSnapshot() != null) {
            throw new IllegalStateException("history is seeded into empty tables only");
        }
        // Sorted by key, as the MERGE writes them: each file's min/max covers a narrow run of purchase ids.
        append(silverRows(rows, customersFor(rows)).sort("purchase_id"), catalog.silverTable());
        silver.refresh();
        long silverVersion = silver.currentSnapshot().sequenceNumber();
        append(GoldAggregation.perCustomer(spark.table(catalog.silverTable()), silverVersion).sort("customer_id"),
                catalog.goldTable());
        gold.refresh();
        Map<String, String> silverSummary = silver.currentSnapshot().summary();
        return new Seeded(Long.parseLong(silverSummary.get("total-records")),
                Integer.parseInt(silverSummary.get("total-data-files")),
                Long.parseLong(gold.currentSnapshot().summary().get("total-records")));
    }

    private static void append(Dataset<Row> rows, String table) {
        try {
            rows.writeTo(table).append();
        } catch (NoSuchTableException e) {
            throw new IllegalStateException("Iceberg table " + table + " was created just before", e);
        }
    }

    private Dataset<Row> silverRows(long rows, int customers) {
        Column row = col("id");
        Column customerId = lit(FIRST_CUSTOMER_ID).plus(pmod(row, lit((long) customers)));
        Column cents = lit(MIN_AMOUNT_CENTS).plus(pmod(row.multiply(AMOUNT_CENTS_STEP), lit(AMOUNT_CENTS_CYCLE)));
        Column amountAud = cents.cast(DataTypes.createDecimalType(18, 2)).divide(100);
        Map<String, Column> values = new HashMap<>();
        values.put("purchase_id", lit(FIRST_PURCHASE_ID).plus(row));
        values.put("customer_id", customerId);
        values.put("full_name", concat(lit("Customer "), customerId.cast(DataTypes.StringType)));
        values.put("email", concat(lit("customer"), customerId.cast(DataTypes.StringType), lit("@example.com")));
        values.put("purchase_date", date_add(lit(Date.valueOf(FIRST_PURCHASE_DATE)),
                pmod(row, lit((long) PURCHASE_DAYS)).cast(DataTypes.IntegerType)));
        values.put("amount", amountAud);
        values.put("currency", lit("AUD"));
        values.put("fx_rate", lit(BigDecimal.ONE));
        values.put("amount_aud", amountAud);
        values.put("source_line", row.plus(2));
        values.put(LineageColumn.SOURCE_KEY.columnName(), lit(SOURCE_KEY));
        values.put(LineageColumn.SOURCE_VERSION.columnName(), lit("bench-history"));
        values.put(LineageColumn.RUN_ID.columnName(), lit("bench-history"));
        values.put(LineageColumn.UPLOAD_ORDER.columnName(), lit(UploadOrder.of(UPLOADED_AT, "0")));
        values.put(LineageColumn.INGESTED_AT.columnName(), lit(Timestamp.from(UPLOADED_AT)));
        values.put("ingestion_date", lit(Date.valueOf(LocalDate.ofInstant(UPLOADED_AT,
                ZoneOffset.UTC))));
        List<Column> columns = LakeSchemas.SILVER_TABLE.stream()
                .map(column -> values.get(column.name()).cast(column.type()).as(column.name()))
                .toList();
        return spark.range(rows).select(columns.toArray(Column[]::new));
    }
}
