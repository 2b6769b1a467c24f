package com.c360.glue.feed;

import com.c360.glue.silver.QuarantineReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The uniqueness rules of a contract over a whole file, in plain Java: the semantics the Spark side implements with
 * one {@code count(*) OVER (PARTITION BY unique_key_i)} per rule (see {@link RowRule.Unique}).
 */
public final class UniqueRules {
    private UniqueRules() {
    }

    /** The records with each unrejected one that shares a non-null key with another record rejected by that rule. */
    public static List<MappedRecord> apply(FeedContract contract, List<MappedRecord> records) {
        List<RowRule.Unique> rules = contract.uniqueRules();
        List<Map<String, Integer>> counts = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Map<String, Integer> perKey = new HashMap<>();
            for (MappedRecord record : records) {
                String key = record.uniqueKeys().get(i);
                if (key != null) {
                    perKey.merge(key, 1, Integer::sum);
                }
            }
            counts.add(perKey);
        }
        List<MappedRecord> result = new ArrayList<>(records.size());
        for (MappedRecord record : records) {
            MappedRecord checked = record;
            for (int i = 0; i < rules.size() && !checked.rejected(); i++) {
                String key = record.uniqueKeys().get(i);
                if (key != null && counts.get(i).get(key) > 1) {
                    RowRule.Unique rule = rules.get(i);
                    checked = record.rejectedBy(QuarantineReason.RULE_VIOLATION,
                            rule.columns() + " occur " + counts.get(i).get(key) + " times in the file", rule.name());
                }
            }
            result.add(checked);
        }
        return result;
    }
}
