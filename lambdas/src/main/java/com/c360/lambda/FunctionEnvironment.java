package com.c360.lambda;

/** The function's configuration, set by CDK as environment variables; a missing one is a deployment error. */
public final class FunctionEnvironment {
    private FunctionEnvironment() {
    }

    public static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Environment variable " + name + " is not set");
        }
        return value;
    }
}
