package com.c360.local.bench;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.c360.contract.LambdaFunction;
import com.c360.local.LocalLake;
import com.c360.local.aws.S3Events;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The trigger's cold start: {@link TriggerColdInit} in a fresh JVM with only the lean trigger jar (and the runtime's
 * event serializer) on its classpath. Its StartExecution goes to a Step Functions stub on the loopback interface that
 * answers at once, so the first invocation includes the SDK client's first real call but no network.
 */
public final class TriggerColdStartBench {
    public static final String MEASURED = "a fresh JVM with c360-trigger.jar alone: TriggerHandler's no-arg "
            + "constructor (the Lambda init), then its first invocation with one S3 PutObject event, whose "
            + "StartExecution goes to a loopback Step Functions stub answering 200; JVM start-up not included; "
            + "the functions' JVM options (" + String.join(" ", LambdaFunction.RUNTIME_JVM_OPTIONS) + ")";
    private static final String STATE_MACHINE_ARN = "arn:aws:states:ap-southeast-2:111122223333:stateMachine:c360";
    private static final long TIMEOUT_SECONDS = 120;
    private static final double NANOS_PER_MILLI = 1e6;

    public record Result(double initMillis, double firstInvocationMillis, OptionalLong peakRssBytes) {
    }

    private TriggerColdStartBench() {
    }

    public static Result run(Path triggerJar, Path work) {
        if (!Files.isRegularFile(triggerJar)) {
            throw new ChildJvmException(triggerJar + " is not built (mvn package -pl lambdas -am)", "");
        }
        HttpServer stepFunctions = stepFunctionsStub();
        try {
            Path event = Files.writeString(work.resolve("s3-event.json"), S3Events.objectCreatedJson(
                    new LocalLake.StoredObject("c360-bench-bronze", "incoming/bench.csv", 1, "etag", "1",
                            "0062E99A88DC407460", Instant.now())));
            String classpath = String.join(File.pathSeparator, triggerJar.toString(), serializerJar(),
                    launcherDirectory(work).toString());
            Map<String, String> environment = Map.of(
                    LambdaFunction.STATE_MACHINE_ARN_ENV, STATE_MACHINE_ARN,
                    "AWS_REGION", "ap-southeast-2",
                    "AWS_ACCESS_KEY_ID", "bench",
                    "AWS_SECRET_ACCESS_KEY", "bench",
                    "AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:" + stepFunctions.getAddress().getPort());
            List<String> output = ChildJvm.run(LambdaFunction.RUNTIME_JVM_OPTIONS, classpath,
                    TriggerColdInit.class.getName(), List.of(event.toString()), environment, TIMEOUT_SECONDS);
            String[] times = ChildJvm.line(output, TriggerColdInit.TIMES_PREFIX).split(" first_invocation_nanos=");
            return new Result(Long.parseLong(times[0]) / NANOS_PER_MILLI, Long.parseLong(times[1]) / NANOS_PER_MILLI,
                    PeakRss.parse(output));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            stepFunctions.stop(0);
        }
    }

    private static HttpServer stepFunctionsStub() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                byte[] body = ("{\"executionArn\":\"" + STATE_MACHINE_ARN.replace("stateMachine", "execution")
                        + ":bench\",\"startDate\":1.7E9}").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Step Functions stub", e);
        }
    }

    /** What the Lambda Java runtime itself brings: its event serializer, not part of the deployed jar. */
    private static String serializerJar() {
        try {
            return Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("the serializer's jar has no file path", e);
        }
    }

    /** A directory holding the launcher's class file alone, so no other local-runtime class is on the classpath. */
    private static Path launcherDirectory(Path work) throws IOException {
        String classFile = TriggerColdInit.class.getName().replace('.', '/') + ".class";
        Path target = work.resolve("trigger-launcher").resolve(classFile);
        Files.createDirectories(target.getParent());
        try (InputStream in = TriggerColdInit.class.getClassLoader().getResourceAsStream(classFile)) {
            if (in == null) {
                throw new IllegalStateException(classFile + " is missing from the classpath");
            }
            Files.copy(in, target);
        }
        return work.resolve("trigger-launcher");
    }
}
