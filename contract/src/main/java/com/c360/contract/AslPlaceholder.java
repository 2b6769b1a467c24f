package com.c360.contract;

import java.util.Map;
import java.util.function.Function;

/**
 * The {@code ${...}} placeholders of {@code statemachine/c360-pipeline.asl.json}. CDK substitutes deployed names and
 * ARNs, the local runtime its stand-ins; both build the map through {@link #substitutions}.
 */
public enum AslPlaceholder {
    BRONZE_TO_SILVER_JOB_NAME("BronzeToSilverJobName"),
    SILVER_TO_GOLD_JOB_NAME("SilverToGoldJobName"),
    GOLD_TO_RDS_JOB_NAME("GoldToRdsJobName"),
    UPSERT_FUNCTION_ARN("UpsertFunctionArn"),
    ALERT_TOPIC_ARN("AlertTopicArn");

    private final String placeholder;

    AslPlaceholder(String placeholder) {
        this.placeholder = placeholder;
    }

    public String placeholder() {
        return placeholder;
    }

    /** Every placeholder with its value: each job's name, the upsert function's and the alert topic's ARN. */
    public static Map<String, String> substitutions(Function<GlueJob, String> jobName, String upsertFunctionArn,
            String alertTopicArn) {
        return Map.of(
                BRONZE_TO_SILVER_JOB_NAME.placeholder, jobName.apply(GlueJob.BRONZE_TO_SILVER),
                SILVER_TO_GOLD_JOB_NAME.placeholder, jobName.apply(GlueJob.SILVER_TO_GOLD),
                GOLD_TO_RDS_JOB_NAME.placeholder, jobName.apply(GlueJob.GOLD_TO_RDS),
                UPSERT_FUNCTION_ARN.placeholder, upsertFunctionArn,
                ALERT_TOPIC_ARN.placeholder, alertTopicArn);
    }
}
