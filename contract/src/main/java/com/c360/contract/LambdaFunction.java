package com.c360.contract;

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
