package com.c360.lambda.trigger;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.c360.lambda.testing.LambdaEvents;
import com.c360.lambda.testing.TestContext;

/**
 * One cold invocation of the trigger as the Lambda runtime makes it: a fresh JVM, the no-arg constructor, then the
 * first event. {@link TriggerJarIT} runs it with the deployed trigger jar as the only application classpath, so a
 * class the jar lacks fails here, not on the first upload. Prints the result, then the milliseconds of construction
 * and of the first invocation.
 */
public final class TriggerColdStart {
    private TriggerColdStart() {
    }

    public static void main(String[] args) {
        long started = System.nanoTime();
        TriggerHandler handler = new TriggerHandler();
        long constructed = System.nanoTime();
        TriggerResult result = handler.handleRequest(LambdaEvents.load(args[0], S3Event.class),
                new TestContext("c360-trigger"));
        long invoked = System.nanoTime();
        System.out.println("started=" + result.started().size() + " duplicates=" + result.duplicates().size());
        System.out.println("init_ms=" + (constructed - started) / 1_000_000
                + " first_invocation_ms=" + (invoked - constructed) / 1_000_000);
    }
}
