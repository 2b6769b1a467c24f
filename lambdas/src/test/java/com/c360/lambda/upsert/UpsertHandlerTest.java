package com.c360.lambda.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.InvalidUpsertRequestException;
import com.c360.lambda.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpsertHandlerTest {
    private final InMemorySummaryStore store = new InMemorySummaryStore();
    private final InMemorySummaryMetrics metrics = new InMemorySummaryMetrics();
    private final UpsertHandler handler = new UpsertHandler(store, metrics);

    private String invoke(String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext("upsert"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stagedRun_isApplied_andReportsStagedCustomers() throws IOException {
        store.stage("run-1", "2024-05-01", 3);

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).isEqualTo(
                "{\"runId\":\"run-1\",\"customersUpserted\":3,\"alreadyApplied\":false,\"superseded\":false}");
        assertThat(store.steps()).containsExactly(
                "lockRun", "lockSummaryWriters", "replaceDay", "deleteStagedRows", "markApplied:3");
        assertThat(store.transactions()).isEqualTo(1);
        assertThat(metrics.customersUpserted()).containsExactly(3);
    }

    @Test
    void replayOfAnAppliedRun_publishesZeroCustomersUpserted_notTheStoredCountAgain() throws IOException {
        store.markApplied("run-1", "2024-05-01", 7);

        invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(metrics.customersUpserted()).containsExactly(0);
    }

    @Test
    void supersededRun_publishesZeroCustomersUpserted() throws IOException {
        store.stage("older-run", "2024-05-01", 3);
        store.newerRunAppliedFor("older-run");

        invoke("{\"runId\":\"older-run\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(metrics.customersUpserted()).containsExactly(0);
    }

    @Test
    void failedUpsert_publishesNothing() {
        store.stage("run-1", "2024-05-01", 3);
        store.loseStagedRows("run-1", 2);

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}"))
                .isInstanceOf(IncompleteStagingException.class);
        assertThat(metrics.customersUpserted()).isEmpty();
    }

    @Test
    void unpublishableMetric_doesNotFailTheCommittedUpsert() throws IOException {
        store.stage("run-1", "2024-05-01", 3);
        metrics.failEveryPublish();

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).contains("\"customersUpserted\":3", "\"alreadyApplied\":false");
        assertThat(store.steps()).endsWith("markApplied:3");
    }

    @Test
    void appliedRunWithNoStagingLeft_isANoOp_returningStoredCount() throws IOException {
        store.markApplied("run-1", "2024-05-01", 7);

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).isEqualTo(
                "{\"runId\":\"run-1\",\"customersUpserted\":7,\"alreadyApplied\":true,\"superseded\":false}");
        assertThat(store.steps()).containsExactly("lockRun");
    }

    @Test
    void unknownRun_failsWithStagedRunNotFound() {
        assertThatThrownBy(() -> invoke("{\"runId\":\"never-staged\",\"ingestionDate\":\"2024-05-01\"}"))
                .isInstanceOf(StagedRunNotFoundException.class)
                .hasMessageContaining("never-staged");
    }

    @Test
    void requestForAnotherDay_failsWithoutWriting() {
        store.stage("run-1", "2024-05-01", 3);

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-02\"}"))
                .isInstanceOf(IngestionDateMismatchException.class);
        assertThat(store.steps()).containsExactly("lockRun");
    }

    @Test
    void stagingWithRowsMissing_isRefused() {
        store.stage("run-1", "2024-05-01", 3);
        store.loseStagedRows("run-1", 2);

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}"))
                .isInstanceOf(IncompleteStagingException.class)
                .hasMessageContaining("recorded 3 staged rows but 2");
        assertThat(store.steps()).containsExactly("lockRun");
    }

    @Test
    void emptyStagedDay_isStillApplied_soTheDayIsCleared() throws IOException {
        store.stage("run-1", "2024-05-01", 0);

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).contains("\"customersUpserted\":0", "\"alreadyApplied\":false");
        assertThat(store.steps()).contains("replaceDay");
    }

    @Test
    void runOlderThanAnAppliedRunOfTheSameDay_isDiscardedNotApplied() throws IOException {
        store.stage("older-run", "2024-05-01", 3);
        store.newerRunAppliedFor("older-run");

        String response = invoke("{\"runId\":\"older-run\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).isEqualTo(
                "{\"runId\":\"older-run\",\"customersUpserted\":0,\"alreadyApplied\":true,\"superseded\":true}");
        assertThat(store.steps()).containsExactly("lockRun", "lockSummaryWriters", "deleteStagedRows", "markApplied:0");
    }

    @Test
    void unknownPayloadFields_areIgnored() throws IOException {
        store.stage("run-1", "2024-05-01", 1);

        assertThat(invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\",\"extra\":1}"))
                .contains("\"alreadyApplied\":false");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"ingestionDate\":\"2024-05-01\"}",
        "{\"runId\":\" \",\"ingestionDate\":\"2024-05-01\"}",
        "{\"runId\":\"run-1\"}",
        "{\"runId\":\"run-1\",\"ingestionDate\":\"2024-13-01\"}",
        "not json",
        ""})
    void malformedPayload_failsWithInvalidUpsertRequest(String payload) {
        assertThatThrownBy(() -> invoke(payload)).isInstanceOf(InvalidUpsertRequestException.class);
        assertThat(store.steps()).isEmpty();
    }
}
