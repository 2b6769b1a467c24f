package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.c360.lambda.testing.LambdaEvents;
import com.c360.lambda.testing.TestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TriggerHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME_PATTERN = "[A-Za-z0-9_-]{1,80}";

    private final InMemoryExecutionStarter stepFunctions = new InMemoryExecutionStarter();
    private final TriggerHandler handler = new TriggerHandler(stepFunctions);

    private TriggerResult handle(String fixture) {
        return handler.handleRequest(LambdaEvents.load("events/" + fixture, S3Event.class), new TestContext("trigger"));
    }

    private JsonNode onlyInput() throws Exception {
        assertThat(stepFunctions.executions()).hasSize(1);
        return JSON.readTree(stepFunctions.executions().values().iterator().next());
    }

    @Test
    void plusInKey_isDecodedAsSpace() throws Exception {
        handle("s3-put-space-encoded-as-plus.json");

        assertThat(onlyInput().get("key").asText()).isEqualTo("incoming/customer purchases 2024.csv");
    }

    @Test
    void percent2B_isDecodedAsPlus() throws Exception {
        handle("s3-put-literal-plus.json");

        assertThat(onlyInput().get("key").asText()).isEqualTo("incoming/a+b.csv");
    }

    @Test
    void unicodeKey_isDecoded_andExecutionNameStaysAscii() throws Exception {
        TriggerResult result = handle("s3-put-unicode-key.json");

        assertThat(onlyInput().get("key").asText()).isEqualTo("incoming/café Müller 顧客.csv");
        String name = result.started().get(0).name();
        assertThat(name).matches(NAME_PATTERN).startsWith("caf-M-ller-");
    }

    @Test
    void executionInput_hasTheFieldsTheStateMachineReads() throws Exception {
        handle("s3-put-space-encoded-as-plus.json");

        JsonNode input = onlyInput();
        List<String> fields = new ArrayList<>();
        input.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("bucket", "key", "versionId", "ingestionDate");
        assertThat(input.get("bucket").asText()).isEqualTo("c360-bronze");
        assertThat(input.get("versionId").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(input.get("ingestionDate").asText()).isEqualTo("2024-05-01");
    }

    @Test
    void severalRecords_startOnePerCsv_andSkipTheRest() {
        TriggerResult result = handle("s3-put-several-records.json");

        assertThat(result.started()).extracting(TriggerResult.Execution::key)
                .containsExactly("incoming/purchases-1.csv", "incoming/PURCHASES-2.CSV");
        assertThat(result.skippedKeys()).containsExactly("incoming/readme.txt", "incoming/manifest");
        assertThat(result.duplicates()).isEmpty();
        assertThat(stepFunctions.executions().keySet()).allMatch(name -> name.matches(NAME_PATTERN));
    }

    @Test
    void partitionedKey_takesIngestionDateFromPartitions_notEventTime() throws Exception {
        handle("s3-put-partitioned-key.json");

        assertThat(onlyInput().get("ingestionDate").asText()).isEqualTo("2024-02-29");
    }

    @Test
    void incompletePartitions_fallBackToEventTimeInUtc() throws Exception {
        handle("s3-put-partial-partitions.json"); // eventTime 2024-05-31T23:59:59.999Z

        assertThat(onlyInput().get("ingestionDate").asText()).isEqualTo("2024-05-31");
    }

    @Test
    void badPartitionValue_startsTheOtherRecords_thenFails() {
        assertThatThrownBy(() -> handle("s3-put-bad-partition.json"))
                .isInstanceOf(InvalidEventRecordException.class)
                .hasMessageContaining("incoming/year=2024/month=13/day=01/purchases.csv")
                .satisfies(e -> assertThat(e.getSuppressed()).hasSize(1));

        assertThat(stepFunctions.executions().values())
                .singleElement().asString().contains("\"ingestionDate\":\"2024-05-02\"");
    }

    @Test
    void duplicateEvent_sameVersion_startsOneExecution() {
        TriggerResult result = handle("s3-put-duplicate-delivery.json");

        assertThat(result.started()).hasSize(1);
        assertThat(result.duplicates()).extracting(TriggerResult.Execution::name)
                .containsExactly(result.started().get(0).name());
        assertThat(stepFunctions.executions()).hasSize(1);
    }

    @Test
    void redeliveredEvent_laterInvocation_startsNothingNew() {
        TriggerResult first = handle("s3-put-several-records.json");
        TriggerResult second = new TriggerHandler(stepFunctions).handleRequest(
                LambdaEvents.load("events/s3-put-several-records.json", S3Event.class), new TestContext("trigger"));

        assertThat(second.started()).isEmpty();
        assertThat(second.duplicates()).isEqualTo(first.started());
        assertThat(stepFunctions.executions()).hasSize(2);
    }

    @Test
    void newVersionOfSameKey_startsSecondExecution() {
        TriggerResult result = handle("s3-put-two-versions.json");

        assertThat(result.started()).hasSize(2);
        assertThat(result.started().get(0).name()).isNotEqualTo(result.started().get(1).name());
    }

    @Test
    void unversionedBucket_passesNullVersionId_andStillNamesDeterministically() throws Exception {
        TriggerResult first = handle("s3-put-unversioned-bucket.json");
        TriggerResult again = handle("s3-put-unversioned-bucket.json");

        assertThat(onlyInput().get("versionId").isNull()).isTrue();
        assertThat(again.duplicates()).isEqualTo(first.started());
    }

    @Test
    void recordWithoutAnyObjectIdentity_isRejected() {
        assertThatThrownBy(() -> handle("s3-put-no-object-identity.json"))
                .isInstanceOf(InvalidEventRecordException.class)
                .hasMessageContaining("no versionId, eTag or sequencer");
        assertThat(stepFunctions.attempts()).isEmpty();
    }
}
