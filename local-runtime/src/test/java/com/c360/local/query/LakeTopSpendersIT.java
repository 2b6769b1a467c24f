package com.c360.local.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.TableCatalog;
import com.c360.glue.table.IcebergCatalogs;
import com.c360.glue.table.IcebergTables;
import com.c360.local.LocalSpark;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeTopSpendersIT {
    private static final TableCatalog CATALOG = TableCatalog.local();

    private static SparkSession spark;

    @TempDir
    Path gold;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.start("lake-top-spenders-it");
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void goldRows_comeHighestTotalFirst_tiesByLowerCustomerId_withTheirNameEmailAndDates() {
        writeGold(
                gold(2, "Bob", "bob@example.com", "15.50", 1, "2025-02-01", "2025-02-01"),
                gold(4, "Dee", "dee@example.com", "3.00", 2, "2025-01-20", "2025-02-01"),
                gold(3, "Cat", "cat@example.com", "100.00", 4, "2025-01-10", "2025-02-10"),
                gold(1, "Ann", "ann@example.com", "15.50", 3, "2025-01-01", "2025-01-05"));

        List<TopSpender> top = new LakeTopSpenders(spark, gold).top(10);

        assertThat(top).containsExactly(
                spender(3, "Cat", "cat@example.com", "100.00", "2025-01-10", "2025-02-10"),
                spender(1, "Ann", "ann@example.com", "15.50", "2025-01-01", "2025-01-05"),
                spender(2, "Bob", "bob@example.com", "15.50", "2025-02-01", "2025-02-01"),
                spender(4, "Dee", "dee@example.com", "3.00", "2025-01-20", "2025-02-01"));
    }

    @Test
    void limit_cutsAfterTheHighestTotals() {
        writeGold(
                gold(1, "A", "a@example.com", "1.00", 1, "2025-01-01", "2025-01-01"),
                gold(2, "B", "b@example.com", "3.00", 1, "2025-01-01", "2025-01-01"),
                gold(3, "C", "c@example.com", "2.00", 1, "2025-01-01", "2025-01-01"));

        assertThat(new LakeTopSpenders(spark, gold).top(2)).extracting(TopSpender::customerId).containsExactly(2L, 3L);
    }

    @Test
    void lakeWithoutAGoldTable_hasNoSpenders() {
        assertThat(new LakeTopSpenders(spark, gold.resolve("absent")).top(10)).isEmpty();
    }

    @Test
    void emptyGoldTable_hasNoSpenders() {
        IcebergCatalogs.gold(spark, CATALOG, gold.toUri().toString());
        IcebergTables.gold(spark, CATALOG);

        assertThat(new LakeTopSpenders(spark, gold).top(10)).isEmpty();
    }

    /** Creates the gold table under this test's root as the silver-to-gold job does, and inserts the rows. */
    private void writeGold(String... rows) {
        IcebergCatalogs.gold(spark, CATALOG, gold.toUri().toString());
        IcebergTables.gold(spark, CATALOG);
        spark.sql("INSERT INTO " + CATALOG.goldTable() + " VALUES "
                + Arrays.stream(rows).collect(Collectors.joining(", ")));
    }

    /** One gold row as SQL values; the latest purchase id and silver version do not affect the ranking. */
    private static String gold(long customerId, String name, String email, String total, long purchases,
            String first, String last) {
        return "(%d, '%s', '%s', CAST(%s AS DECIMAL(18,2)), %d, DATE'%s', DATE'%s', %d, 1)"
                .formatted(customerId, name, email, total, purchases, first, last, customerId * 10);
    }

    private static TopSpender spender(long customerId, String name, String email, String total, String first,
            String last) {
        return new TopSpender(customerId, name, email, new BigDecimal(total), LocalDate.parse(first),
                LocalDate.parse(last));
    }
}
