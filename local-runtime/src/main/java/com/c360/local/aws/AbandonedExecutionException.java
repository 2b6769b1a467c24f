package com.c360.local.aws;

/**
 * An execution's record still says RUNNING but the process that ran it has exited (killed mid-run), so it will never
 * end and there is no result to wait for.
 */
public class AbandonedExecutionException extends IllegalStateException {

    AbandonedExecutionException(String executionName, long runnerPid) {
        super("Execution '" + executionName + "' was left RUNNING by process " + runnerPid + ", which has exited");
    }
}
