package com.c360.local.asl;

/**
 * Where a task invocation happens.
 *
 * @param retryCount how many times this state entry has already been retried (0 on the first attempt)
 */
public record TaskContext(String executionId, String executionName, String stateName, int retryCount) {}
