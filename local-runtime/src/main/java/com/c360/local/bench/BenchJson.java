package com.c360.local.bench;

import com.c360.local.IngestReport;
import com.c360.local.machine.MachineFacts;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/** What both bench modes write alike: the setting of a run, one ingestion's figures, and the rounding. */
final class BenchJson {
    private static final int SECONDS_SCALE = 3;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private BenchJson() {
    }

    static ObjectNode newRoot() {
        return JSON.createObjectNode();
    }

    /** When, at which commit, on what machine, and with which generated input. */
    static void putSetting(ObjectNode node, Instant timestamp, String gitCommit, MachineFacts machine,
            BenchInput input) {
        node.put("timestamp", timestamp.toString());
        node.put("git_commit", gitCommit);
        node.putObject("machine")
                .put("cores", machine.cores())
                .put("memory_bytes", machine.memoryBytes())
                .put("max_heap_bytes", machine.maxHeapBytes())
                .put("java_version", machine.javaVersion())
                .put("spark_master", machine.sparkMaster());
        node.putObject("input")
                .put("rows", input.rows())
                .put("bytes", input.bytes())
                .put("seed", input.seed())
                .put("customers", input.customers());
    }

    /** One ingestion: its times, then its rows. */
    static void putIngestion(ObjectNode node, double sparkStartSeconds, IngestReport report) {
        putTimes(node, sparkStartSeconds, report);
        putRows(node, report);
    }

    /** An ingestion's execution, outcome, Spark start-up, and seconds per stage and in total. */
    static void putTimes(ObjectNode node, double sparkStartSeconds, IngestReport report) {
        node.put("execution", report.executionName());
        node.put("succeeded", report.succeeded());
        node.put("error", report.error());
        node.put("spark_start_seconds", seconds(sparkStartSeconds));
        ObjectNode stages = node.putObject("stage_seconds");
        report.stageSeconds().forEach((stage, stageSeconds) -> stages.put(stage, seconds(stageSeconds)));
        node.put("total_seconds", seconds(report.seconds()));
    }

    /** An ingestion's row accounting and the customers it upserted. */
    static void putRows(ObjectNode node, IngestReport report) {
        node.putObject("rows")
                .put("read", report.rowsRead())
                .put("valid", report.rowsValid())
                .put("quarantined", report.rowsQuarantined())
                .put("duplicates_collapsed", report.duplicatesCollapsed());
        node.put("customers_upserted", report.customersUpserted());
    }

    /** Seconds to the millisecond. */
    static BigDecimal seconds(double value) {
        return round(value, SECONDS_SCALE);
    }

    static BigDecimal round(double value, int scale) {
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
    }

    /** Pretty-printed, with a final newline. */
    static String write(ObjectNode root) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }
}
