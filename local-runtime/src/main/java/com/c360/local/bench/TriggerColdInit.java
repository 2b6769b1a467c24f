package com.c360.local.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.c360.lambda.trigger.TriggerHandler;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in a JVM of its own whose classpath is the trigger jar, the Lambda runtime's event serializer and this one
 * class (so it may use nothing else): constructs the handler as the runtime's init does, then hands it its first
 * event. Prints the two times and the JVM's peak RSS. See {@link TriggerColdStartBench}.
 */
public final class TriggerColdInit {
    static final String TIMES_PREFIX = "init_nanos=";
    private static final String FUNCTION_NAME = "c360-trigger";
    private static final int REMAINING_MILLIS = 60_000;
    private static final int MEMORY_MB = 512;

    private TriggerColdInit() {
    }

    /** @param args the S3 event's JSON file */
    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        TriggerHandler handler = new TriggerHandler();
        long constructed = System.nanoTime();
        S3Event event;
        try (InputStream json = Files.newInputStream(Path.of(args[0]))) {
            event = LambdaEventSerializers.serializerFor(S3Event.class, TriggerColdInit.class.getClassLoader())
                    .fromJson(json);
        }
        var result = handler.handleRequest(event, context());
        long invoked = System.nanoTime();
        System.out.println("started=" + result.started().size());
        System.out.println(TIMES_PREFIX + (constructed - started) + " first_invocation_nanos=" + (invoked - constructed));
        // The parent reads the peak from this line: no class of its own can be loaded here to do more.
        Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmHWM:"))
                .forEach(System.out::println);
    }

    /** The Lambda context's names and remaining time; everything else it offers is absent, as the handler needs none. */
    private static Context context() {
        return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                (proxy, method, methodArgs) -> switch (method.getName()) {
                    case "getFunctionName", "getLogGroupName", "getLogStreamName" -> FUNCTION_NAME;
                    case "getAwsRequestId" -> "bench-cold-init";
                    case "getRemainingTimeInMillis" -> REMAINING_MILLIS;
                    case "getMemoryLimitInMB" -> MEMORY_MB;
                    default -> null;
                });
    }
}
