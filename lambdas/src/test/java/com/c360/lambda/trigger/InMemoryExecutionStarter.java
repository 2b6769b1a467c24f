package com.c360.lambda.trigger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Step Functions' name rule without Step Functions: a name starts once, later starts of it are refused. */
final class InMemoryExecutionStarter implements ExecutionStarter {
    private final Map<String, String> inputByName = new LinkedHashMap<>();
    private final List<String> attempts = new ArrayList<>();

    @Override
    public StartOutcome start(String executionName, String inputJson) {
        attempts.add(executionName);
        return inputByName.putIfAbsent(executionName, inputJson) == null
                ? StartOutcome.STARTED
                : StartOutcome.ALREADY_EXISTS;
    }

    Map<String, String> executions() {
        return inputByName;
    }

    List<String> attempts() {
        return attempts;
    }
}
