package com.c360.lambda.trigger;

import static com.c360.contract.LakeLayout.DAY;
import static com.c360.contract.LakeLayout.MONTH;
import static com.c360.contract.LakeLayout.YEAR;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ingestion date of a bronze object: the {@code year=YYYY/month=MM/day=DD} folders of its key when all three are
 * there, otherwise the UTC day the object was created.
 */
public final class IngestionDates {
    private static final Pattern YEAR_VALUE = Pattern.compile("\\d{4}");
    private static final Pattern MONTH_OR_DAY_VALUE = Pattern.compile("\\d{1,2}");

    private IngestionDates() {
    }

    /** @throws InvalidEventRecordException when the key's partition folders do not name a real date */
    public static LocalDate resolve(String key, Instant eventTime) {
        Map<String, String> partitions = partitionFolders(key);
        if (partitions.containsKey(YEAR) && partitions.containsKey(MONTH) && partitions.containsKey(DAY)) {
            return partitionDate(key, partitions);
        }
        if (eventTime == null) {
            throw new InvalidEventRecordException(key, "no date partitions and no event time");
        }
        return LocalDate.ofInstant(eventTime, ZoneOffset.UTC);
    }

    private static Map<String, String> partitionFolders(String key) {
        Map<String, String> partitions = new HashMap<>();
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length - 1; i++) { // the last segment is the file name
            int equals = segments[i].indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = segments[i].substring(0, equals);
            if (name.equals(YEAR) || name.equals(MONTH) || name.equals(DAY)) {
                String value = segments[i].substring(equals + 1);
                String previous = partitions.putIfAbsent(name, value);
                if (previous != null && !previous.equals(value)) {
                    throw new InvalidEventRecordException(key, "conflicting " + name + "= partitions");
                }
            }
        }
        return partitions;
    }

    private static LocalDate partitionDate(String key, Map<String, String> partitions) {
        String year = partitions.get(YEAR);
        String month = partitions.get(MONTH);
        String day = partitions.get(DAY);
        if (!YEAR_VALUE.matcher(year).matches()
                || !MONTH_OR_DAY_VALUE.matcher(month).matches()
                || !MONTH_OR_DAY_VALUE.matcher(day).matches()) {
            throw new InvalidEventRecordException(key, "partition values are not numbers of the right width");
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw new InvalidEventRecordException(key, "partitions do not form a date: " + e.getMessage());
        }
    }
}
