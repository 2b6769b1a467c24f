package com.c360.glue.silver;

import com.c360.contract.LakeSchemas;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * A quarantined row checked again by its feed's validator, with the current FX table and validation policy: the
 * validator's classified row, followed by the quarantine row's lineage and partition, which say where it came from.
 */
final class QuarantineRevalidation implements MapFunction<Row, Row> {
    static final String INGESTION_DATE = "ingestion_date";
    static final String SOURCE_FILE = "source_file";
    static final StructType SCHEMA = schema();

    private final Map<String, PurchaseValidator> validatorsBySourceKey;
    private final Map<String, Set<String>> rowRulesBySourceKey;

    /**
     * @param validatorsBySourceKey the validator of each selected row's feed, by bronze key
     * @param rowRulesBySourceKey the row rules each feed's current contract has: a rejection by one of them stands
     */
    QuarantineRevalidation(Map<String, PurchaseValidator> validatorsBySourceKey,
            Map<String, Set<String>> rowRulesBySourceKey) {
        this.validatorsBySourceKey = Map.copyOf(validatorsBySourceKey);
        this.rowRulesBySourceKey = Map.copyOf(rowRulesBySourceKey);
    }

    @Override
    public Row call(Row quarantined) {
        String sourceKey = quarantined.getAs("source_key");
        String rule = quarantined.getAs("rule");
        boolean ruleStands = rule != null && rowRulesBySourceKey.get(sourceKey).contains(rule);
        Object[] raw = new Object[BronzeCsvReader.RAW_SCHEMA.size()];
        raw[BronzeCsvReader.RAW_SCHEMA.fieldIndex("source_line")] = quarantined.getAs("source_line");
        if (ruleStands) {
            // The validator reports a feed rejection as it is, so the row keeps its reason, detail and rule.
            raw[BronzeCsvReader.RAW_SCHEMA.fieldIndex(BronzeCsvReader.FEED_REASON)] = quarantined.getAs("reason");
            raw[BronzeCsvReader.RAW_SCHEMA.fieldIndex(BronzeCsvReader.FEED_REASON_DETAIL)] =
                    quarantined.getAs("reason_detail");
            raw[BronzeCsvReader.RAW_SCHEMA.fieldIndex(BronzeCsvReader.FEED_RULE)] = rule;
        }
        for (String column : BronzeCsvReader.CONTRACT_COLUMNS) {
            raw[BronzeCsvReader.RAW_SCHEMA.fieldIndex(column)] = quarantined.getAs("raw_" + column);
        }
        Row classified = validatorsBySourceKey.get(sourceKey)
                .classify(new GenericRowWithSchema(raw, BronzeCsvReader.RAW_SCHEMA));
        Object[] out = new Object[SCHEMA.size()];
        for (int i = 0; i < classified.size(); i++) {
            out[i] = classified.get(i);
        }
        for (int i = classified.size(); i < SCHEMA.size(); i++) {
            out[i] = quarantined.getAs(SCHEMA.fields()[i].name());
        }
        return new GenericRowWithSchema(out, SCHEMA);
    }

    /** Quarantine as the replay reads it: its files' columns and the partition folders' values as text. */
    static StructType quarantineSchema() {
        StructType schema = new StructType();
        for (LakeSchemas.Column column : LakeSchemas.withLineage(LakeSchemas.QUARANTINE)) {
            schema = schema.add(column.name(), DataType.fromDDL(column.type()), true);
        }
        return schema.add(INGESTION_DATE, DataTypes.StringType, true).add(SOURCE_FILE, DataTypes.StringType, true);
    }

    private static StructType schema() {
        StructType schema = PurchaseValidator.CLASSIFIED_SCHEMA;
        StructType quarantine = quarantineSchema();
        for (LakeSchemas.Column column : LakeSchemas.LINEAGE) {
            schema = schema.add(quarantine.apply(column.name()));
        }
        return schema.add(quarantine.apply(INGESTION_DATE)).add(quarantine.apply(SOURCE_FILE));
    }
}
