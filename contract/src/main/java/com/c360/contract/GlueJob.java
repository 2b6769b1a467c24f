package com.c360.contract;

/**
 * The Glue jobs c360 deploys. CDK names the jobs and sets {@code --class} from here, and the local runtime maps a
 * {@code glue:startJobRun} JobName back to the same main class, so the two runtimes cannot drift apart.
 */
public enum GlueJob {
    BRONZE_TO_SILVER("bronze-to-silver", "com.c360.glue.silver.BronzeToSilverJob"),
    SILVER_TO_GOLD("silver-to-gold", "com.c360.glue.gold.SilverToGoldJob"),
    GOLD_TO_RDS("gold-to-rds", "com.c360.glue.rds.GoldToRdsJob");

    private final String nameSuffix;
    private final String mainClass;

    GlueJob(String nameSuffix, String mainClass) {
        this.nameSuffix = nameSuffix;
        this.mainClass = mainClass;
    }

    /** The deployed job name for an environment prefix, e.g. {@code c360-dev-bronze-to-silver}. */
    public String jobName(String prefix) {
        return prefix + "-" + nameSuffix;
    }

    public String nameSuffix() {
        return nameSuffix;
    }

    public String mainClass() {
        return mainClass;
    }
}
