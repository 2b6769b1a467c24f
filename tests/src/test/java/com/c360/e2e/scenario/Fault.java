package com.c360.e2e.scenario;

import java.util.Locale;

/**
 * A crash the driver injects into one delivery's execution, just before or just after one pipeline stage. The oracle
 * expects every delivered upload to take effect exactly once in the end, so after the crash the driver must recover
 * the way production does (retry, redeliver or re-run the execution) before it compares.
 */
public record Fault(Stage stage, When when) {

    /** The pipeline's stages, named as the state machine's states are. */
    public enum Stage {
        BRONZE_TO_SILVER("BronzeToSilver"),
        SILVER_TO_GOLD("SilverToGold"),
        GOLD_TO_RDS("GoldToRds"),
        UPSERT_SUMMARY("UpsertSummary");

        private final String stateName;

        Stage(String stateName) {
            this.stateName = stateName;
        }

        /** The state's name in statemachine/c360-pipeline.asl.json. */
        public String stateName() {
            return stateName;
        }
    }

    public enum When { BEFORE, AFTER }

    @Override
    public String toString() {
        return "crash " + when.name().toLowerCase(Locale.ROOT) + " " + stage.stateName();
    }
}
