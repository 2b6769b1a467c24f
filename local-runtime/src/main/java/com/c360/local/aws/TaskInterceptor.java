package com.c360.local.aws;

import com.c360.local.asl.TaskHandler;

/**
 * Wraps the task handlers of a local deployment: the identity in the product, a fault injector in the scenario tests,
 * which crash a stage before or after it does its work the way a lost Glue worker or Lambda sandbox would.
 */
@FunctionalInterface
public interface TaskInterceptor {
    TaskInterceptor NONE = handler -> handler;

    TaskHandler wrap(TaskHandler handler);
}
