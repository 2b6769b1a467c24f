package com.c360.e2e;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers. Elsewhere the class is reported skipped with the reason, so a
 * machine without Docker never counts it as passed.
 */
public final class DockerAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try {
            DockerClientFactory.instance().client();
            return ConditionEvaluationResult.enabled("Docker is available");
        } catch (IllegalStateException noDockerEnvironment) {
            return ConditionEvaluationResult.disabled("Docker is not available: " + noDockerEnvironment.getMessage());
        }
    }
}
