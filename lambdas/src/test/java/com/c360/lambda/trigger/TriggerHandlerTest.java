package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3BucketEntity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3Entity;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
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
        assertThat(fields).containsExactly("bucket", "key", "versionId", "ingestionDate", "uploadOrder");
        assertThat(input.get("bucket").asText()).isEqualTo("c360-bronze");
        assertThat(input.get("versionId").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY");
        assertThat(input.get("ingestionDate").asText()).isEqualTo("2024-05-01");
        // eventTime 2024-05-01T10:15:30.123Z in epoch millis, then sequencer 0062E99A88DC407460 padded to 32.
        assertThat(input.get("uploadOrder").asText()).isEqualTo("001714558530123-0062E99A88DC40746000000000000000");
    }

    @Test
    void executionInput_isTheWholeJsonTheStateMachineReads() throws Exception {
        handle("s3-put-partitioned-key.json");

        assertThat(stepFunctions.executions().values()).containsExactly("{\"bucket\":\"c360-bronze\","
                + "\"key\":\"incoming/year=2024/month=02/day=29/purchases.csv\","
                + "\"versionId\":\"3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY\",\"ingestionDate\":\"2024-02-29\","
                + "\"uploadOrder\":\"001709600400000-0062E99A88DC40746000000000000000\"}");
    }

    @Test
    void recordWithoutEventTime_isRejected_namingItsKey_andTheOtherRecordStillStarts() {
        // Built by hand: the Lambda runtime's own deserializer cannot read a record without eventTime at all. The key
        // is partitioned, so the ingestion date does not need the event time and the rejection is the upload order's.
        String key = "incoming/year=2024/month=02/day=29/no-time.csv";
        S3Event event = new S3Event(List.of(
                record(key, null, "0062E99A88DC407460"),
                record("incoming/timed.csv", "2024-05-01T10:15:30.123Z", "0062E99A88DC407461")));

        assertThatThrownBy(() -> handler.handleRequest(event, new TestContext("trigger")))
                .isInstanceOf(InvalidEventRecordException.class)
                .hasMessageContaining(key)
                .hasMessageContaining("no eventTime");
        assertThat(stepFunctions.executions().values()).singleElement().asString()
                .contains("\"key\":\"incoming/timed.csv\"");
    }

    @Test
    void twoEventsForTheSameKey_withIncreasingSequencers_getIncreasingUploadOrders() throws Exception {
        handle("s3-put-two-versions.json"); // same eventTime, sequencers ...460 then ...461

        List<String> uploadOrders = new ArrayList<>();
        for (String input : stepFunctions.executions().values()) {
            uploadOrders.add(JSON.readTree(input).get("uploadOrder").asText());
        }
        assertThat(uploadOrders).containsExactly(
                "001714558530123-0062E99A88DC40746000000000000000",
                "001714558530123-0062E99A88DC40746100000000000000");
        assertThat(uploadOrders.get(0)).isLessThan(uploadOrders.get(1));
    }

    @Test
    void csvUnderTheReplayPrefix_startsNothing() {
        TriggerResult result = handle("s3-put-under-replay-prefix.json");

        assertThat(result.started()).isEmpty();
        assertThat(result.skippedKeys()).containsExactly("_replay/reason=no_fx_rate/uploaded.csv");
        assertThat(stepFunctions.executions()).isEmpty();
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

    private static S3EventNotificationRecord record(String key, String eventTime, String sequencer) {
        return new S3EventNotificationRecord("ap-southeast-2", "ObjectCreated:Put", "aws:s3", eventTime, "2.1", null,
                null, new S3Entity("bronze-csv-created", new S3BucketEntity("c360-bronze", null,
                        "arn:aws:s3:::c360-bronze"), new S3ObjectEntity(key, 2048L, "5d41402abc4b2a76b9719d911017c592",
                        "version-" + sequencer, sequencer), "1.0"), null);
    }
}
