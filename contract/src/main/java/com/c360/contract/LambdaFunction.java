package com.c360.contract;

import java.util.List;

/**
 * The Java functions c360 deploys from the lambdas jar, with the handler string Lambda resolves on first invocation
 * and the environment variable each reads its configuration from.
 */
public enum LambdaFunction {
    TRIGGER("com.c360.lambda.trigger.TriggerHandler"),
    UPSERT("com.c360.lambda.upsert.UpsertHandler"),
    MIGRATION("com.c360.lambda.migration.MigrationHandler");

    /** The trigger's state machine, for StartExecution. */
    public static final String STATE_MACHINE_ARN_ENV = "STATE_MACHINE_ARN";
    /** The RDS secret the upsert and migration functions read their database credentials from. */
    public static final String DB_SECRET_ARN_ENV = "DB_SECRET_ARN";

    /**
     * The JVM options c360's functions run with: C1 only (tiered compilation stops at level 1), the default of Lambda's
     * java17 and java21 runtimes, and the serial collector, the java17 runtime's default ("Customize Java runtime
     * startup behavior for Lambda functions", docs.aws.amazon.com/lambda/latest/dg/java-customization.html). The
     * functions pass them in {@code JAVA_TOOL_OPTIONS}, so they run these whatever a runtime's defaults are, and the
     * trigger's cold-start benchmark starts its JVM with them, so it measures the JVM Lambda runs.
     */
    public static final List<String> RUNTIME_JVM_OPTIONS =
            List.of("-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String handlerClass;

    LambdaFunction(String handlerClass) {
        this.handlerClass = handlerClass;
    }

    public String handlerClass() {
        return handlerClass;
    }

    /** As Lambda's {@code Handler} property: {@code class::method}. */
    public String handler() {
        return handlerClass + "::handleRequest";
    }
}
