package com.c360.glue.feed;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.c360.glue.silver.BronzeCsvReader;
import com.c360.glue.silver.QuarantineReason;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * The contract's uniqueness rules over a whole file of raw rows ({@link BronzeCsvReader#RAW_SCHEMA}): a row the feed
 * has not rejected yet, whose key of a rule occurs more than once in the file, is rejected by that rule. The same
 * decision as {@link UniqueRules#apply}, which the tests use as the oracle; without such rules the rows pass as they
 * are, and no shuffle is added.
 */
public final class UniqueRuleCheck {
    private UniqueRuleCheck() {
    }

    public static Dataset<Row> apply(Dataset<Row> raw, List<RowRule.Unique> rules) {
        Dataset<Row> checked = raw;
        for (int i = 0; i < rules.size(); i++) {
            RowRule.Unique rule = rules.get(i);
            Column key = col(BronzeCsvReader.UNIQUE_KEYS).getItem(i);
            Column occurrences = when(key.isNotNull(), count(lit(1)).over(Window.partitionBy(key)));
            Column violates = col(BronzeCsvReader.FEED_REASON).isNull().and(occurrences.gt(1));
            // One withColumns: every new value is computed from the row as it was before this rule.
            checked = checked.withColumns(Map.of(
                    BronzeCsvReader.FEED_REASON, when(violates, lit(QuarantineReason.RULE_VIOLATION.code()))
                            .otherwise(col(BronzeCsvReader.FEED_REASON)),
                    BronzeCsvReader.FEED_REASON_DETAIL, when(violates,
                            concat(lit(rule.columns() + " occur "), occurrences.cast("string"), lit(" times in the file")))
                            .otherwise(col(BronzeCsvReader.FEED_REASON_DETAIL)),
                    BronzeCsvReader.FEED_RULE, when(violates, lit(rule.name()))
                            .otherwise(col(BronzeCsvReader.FEED_RULE))));
        }
        return checked;
    }
}
