package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.c360.contract.LambdaFunction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The deployed trigger jar on its own: a fresh JVM whose application classpath is {@code c360-trigger.jar} plus what
 * the Lambda runtime itself brings (its event serializer) and the test's launcher class, invoking the real handler
 * through its no-arg constructor. Step Functions is a local HTTP endpoint speaking its JSON protocol, reached through
 * the SDK's standard endpoint override variable, so the SDK, its HTTP client and its error mapping all run from the
 * jar.
 */
class TriggerJarIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TRIGGER_JAR = Path.of("target", "c360-trigger.jar");
    private static final String STATE_MACHINE_ARN = "arn:aws:states:ap-southeast-2:111122223333:stateMachine:c360";
    private static final String EVENT = "events/s3-put-partitioned-key.json";

    private final List<JsonNode> startRequests = new CopyOnWriteArrayList<>();
    private HttpServer stepFunctions;
    private volatile int status;
    private volatile String answer;

    @BeforeEach
    void startStepFunctionsEndpoint() throws IOException {
        stepFunctions = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        stepFunctions.createContext("/", exchange -> {
            if ("AWSStepFunctions.StartExecution".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
                startRequests.add(JSON.readTree(exchange.getRequestBody()));
            }
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        stepFunctions.start();
    }

    @AfterEach
    void stopStepFunctionsEndpoint() {
        stepFunctions.stop(0);
    }

    @Test
    void coldInvocation_fromTheTriggerJarAlone_startsTheExecutionNamedForTheObject() throws Exception {
        status = 200;
        answer = "{\"executionArn\":\"" + STATE_MACHINE_ARN.replace("stateMachine", "execution") + ":x\","
                + "\"startDate\":1.7E9}";

        String output = runColdStart();

        assertThat(output).contains("started=1 duplicates=0");
        assertThat(startRequests).singleElement().satisfies(request -> {
            assertThat(request.path("stateMachineArn").asText()).isEqualTo(STATE_MACHINE_ARN);
            assertThat(request.path("name").asText()).isEqualTo(ExecutionNames.forObject("c360-bronze",
                    "incoming/year=2024/month=02/day=29/purchases.csv",
                    new ObjectVersion(ObjectVersion.Source.VERSION_ID, "3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY")));
            JsonNode input = JSON.readTree(request.path("input").asText());
            assertThat(input.path("ingestionDate").asText()).isEqualTo("2024-02-29");
            // eventTime 2024-03-05T01:00:00Z in epoch millis, then the sequencer padded to 32 hex digits.
            assertThat(input.path("uploadOrder").asText())
                    .isEqualTo("001709600400000-0062E99A88DC40746000000000000000");
        });
    }

    @Test
    void executionAlreadyExists_fromTheService_isADuplicate_notAFailure() throws Exception {
        status = 400;
        answer = "{\"__type\":\"ExecutionAlreadyExists\",\"message\":\"Execution Already Exists\"}";

        String output = runColdStart();

        assertThat(output).contains("started=0 duplicates=1");
        assertThat(startRequests).hasSize(1);
    }

    private String runColdStart() throws IOException, InterruptedException, URISyntaxException {
        assertThat(TRIGGER_JAR).as("built by the package phase").isRegularFile();
        String classpath = String.join(File.pathSeparator, TRIGGER_JAR.toString(),
                Path.of(LambdaEventSerializers.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        .toString(),
                Path.of("target", "test-classes").toString());
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, TriggerColdStart.class.getName(), EVENT).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        environment.put(LambdaFunction.STATE_MACHINE_ARN_ENV, STATE_MACHINE_ARN);
        environment.put("AWS_REGION", "ap-southeast-2");
        environment.put("AWS_ACCESS_KEY_ID", "test");
        environment.put("AWS_SECRET_ACCESS_KEY", "test");
        environment.put("AWS_ENDPOINT_URL_SFN", "http://127.0.0.1:" + stepFunctions.getAddress().getPort());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        System.out.println("trigger cold start: " + output.lines().filter(l -> l.startsWith("init_ms")).findFirst()
                .orElse("?"));
        return output;
    }
}
