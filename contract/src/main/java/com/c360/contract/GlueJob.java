package com.c360.contract;

/**
 * The Glue jobs c360 deploys. CDK names the jobs and sets {@code --class} from here, and the local runtime maps a
 * {@code glue:startJobRun} JobName back to the same main class, so the two runtimes cannot drift apart.
 */
public enum GlueJob {
    /** Concurrent uploads merge into silver at once; a commit conflict is retried inside the job. */
    BRONZE_TO_SILVER("bronze-to-silver", "com.c360.glue.silver.BronzeToSilverJob", 10),
    /**
     * One run at a time, the others queued (Glue job run queuing; the local runtime queues the same way): each run
     * recomputes its customers from the silver of its own start, so serial runs make the last write the newest.
     */
    SILVER_TO_GOLD("silver-to-gold", "com.c360.glue.gold.SilverToGoldJob", 1),
    /** Staged rows carry the silver version they were computed from, so staging runs need no order. */
    GOLD_TO_RDS("gold-to-rds", "com.c360.glue.rds.GoldToRdsJob", 10);

    private final String nameSuffix;
    private final String mainClass;
    private final int maxConcurrentRuns;

    GlueJob(String nameSuffix, String mainClass, int maxConcurrentRuns) {
        this.nameSuffix = nameSuffix;
        this.mainClass = mainClass;
        this.maxConcurrentRuns = maxConcurrentRuns;
    }

    /** Runs past this many wait in Glue's queue instead of failing with ConcurrentRunsExceededException. */
    public int maxConcurrentRuns() {
        return maxConcurrentRuns;
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
