package com.c360.glue.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import com.c360.contract.LakeSchemas;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The classified rows of one bronze file and the views the job writes: silver, quarantine, accounting. */
public final class SilverSplit {
    /** Silver's purchase columns; the job appends the lineage columns after them. */
    public static final List<String> SILVER_COLUMNS = LakeSchemas.names(LakeSchemas.SILVER);
    public static final StructType SILVER_SCHEMA = new StructType(SILVER_COLUMNS.stream()
            .map(PurchaseValidator.CLASSIFIED_SCHEMA::apply).toArray(StructField[]::new));
    public static final List<String> QUARANTINE_COLUMNS = LakeSchemas.names(LakeSchemas.QUARANTINE);

    private Dataset<Row> classified;
    private final Dataset<Row> fileWide;

    /**
     * @param classified every row with its outcome
     * @param fileWide stored rows {@code classified} was decided against, released with it
     */
    SilverSplit(Dataset<Row> classified, Dataset<Row> fileWide) {
        this.classified = classified;
        this.fileWide = fileWide;
    }

    /** Decides every row once for the accounting action and both writes, instead of parsing the file thrice more. */
    public SilverSplit persist() {
        classified = Materialized.store(classified);
        return this;
    }

    public void unpersist() {
        Materialized.release(classified);
        Materialized.release(fileWide);
    }

    public Dataset<Row> valid() {
        return only(BronzeToSilverTransform.VALID, SILVER_COLUMNS);
    }

    public Dataset<Row> quarantined() {
        return only(BronzeToSilverTransform.QUARANTINED, QUARANTINE_COLUMNS);
    }

    /**
     * A file's row accounting, its quarantined rows by the feed contract's rule that rejected them, each currency of
     * its valid rows with the dates of the FX rates their conversions used, and the range of its valid purchase ids.
     */
    public record Counts(RowAccounting accounting, Map<String, Long> quarantinedByRule,
            Map<String, List<String>> fxRateDates, SilverMerge.KeyRange validKeys) {
    }

    /** All of {@link Counts} from one aggregation over the classified rows. */
    public Counts counts(FxRateTable rates) {
        long valid = 0;
        long quarantined = 0;
        long collapsed = 0;
        Map<String, Long> byReason = new HashMap<>();
        Map<String, Long> byRule = new TreeMap<>();
        Map<String, Set<String>> rateDates = new TreeMap<>();
        SilverMerge.KeyRange validKeys = SilverMerge.KeyRange.NONE;
        Column isValid = col(BronzeToSilverTransform.OUTCOME).equalTo(BronzeToSilverTransform.VALID);
        Column validKey = when(isValid, col(SilverMerge.PURCHASE_ID));
        for (Row group : classified.groupBy(col(BronzeToSilverTransform.OUTCOME), col("reason"), col("rule"),
                        when(isValid, col("currency")), when(isValid, col("purchase_date")))
                .agg(count(lit(1)), min(validKey), max(validKey)).collectAsList()) {
            String outcome = group.getString(0);
            long count = group.getLong(5);
            switch (outcome) {
                case BronzeToSilverTransform.VALID -> {
                    valid += count;
                    validKeys = validKeys.span(SilverMerge.KeyRange.of(group, 6));
                    Set<String> dates = rateDates.computeIfAbsent(group.getString(3), c -> new TreeSet<>());
                    rates.rateDateOn(group.getString(3), group.getDate(4).toLocalDate())
                            .ifPresent(day -> dates.add(day.toString()));
                }
                case BronzeToSilverTransform.COLLAPSED -> collapsed += count;
                default -> {
                    quarantined += count;
                    byReason.merge(group.getString(1), count, Long::sum);
                    if (!group.isNullAt(2)) {
                        byRule.merge(group.getString(2), count, Long::sum);
                    }
                }
            }
        }
        Map<String, List<String>> fxRateDates = new TreeMap<>();
        rateDates.forEach((currency, dates) -> fxRateDates.put(currency, List.copyOf(dates)));
        return new Counts(new RowAccounting(valid + quarantined + collapsed, valid, quarantined, collapsed, byReason),
                byRule, fxRateDates, validKeys);
    }

    private Dataset<Row> only(String outcome, List<String> columns) {
        return classified.filter(col(BronzeToSilverTransform.OUTCOME).equalTo(outcome))
                .select(columns.stream().map(Column::new).toArray(Column[]::new));
    }
}
