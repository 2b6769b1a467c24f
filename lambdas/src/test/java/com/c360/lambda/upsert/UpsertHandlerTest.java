package com.c360.lambda.upsert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.contract.InvalidUpsertRequestException;
import com.c360.lambda.upsert.InMemorySummaryStore.StagedCustomer;
import com.c360.lambda.upsert.InMemorySummaryStore.Summary;
import com.c360.lambda.testing.TestContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpsertHandlerTest {
    private static final String DAY = "2024-05-01";

    private final InMemorySummaryStore store = new InMemorySummaryStore();
    private final InMemorySummaryMetrics metrics = new InMemorySummaryMetrics();
    private final UpsertHandler handler = new UpsertHandler(store, metrics);

    private static StagedCustomer bought(long customerId, String name, String total, long silverVersion) {
        return StagedCustomer.bought(customerId, name, total, DAY, DAY, silverVersion);
    }

    private String upsert(String runId) throws IOException {
        return invoke("{\"runId\":\"" + runId + "\",\"ingestionDate\":\"" + DAY + "\"}");
    }

    private String invoke(String payload) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)), out,
                new TestContext("upsert"));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void stagedRun_isApplied_andReportsStagedCustomers() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.50", 1), bought(2, "Bob", "5.00", 1),
                bought(3, "Carol", "1.00", 1));

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).isEqualTo("{\"runId\":\"run-1\",\"customersUpserted\":3,\"alreadyApplied\":false}");
        assertThat(store.steps()).containsExactly(
                "lockRun", "lockSummaryWriters", "applyNewerChanges", "deleteStagedRows", "markApplied:3");
        assertThat(store.transactions()).isEqualTo(1);
        assertThat(store.summaries()).containsOnlyKeys(1L, 2L, 3L);
        assertThat(store.appliedVersions()).isEqualTo(Map.of(1L, 1L, 2L, 1L, 3L, 1L));
        assertThat(store.countStaged("run-1").rows()).isZero();
        assertThat(store.run("run-1").applied()).isTrue();
        assertThat(metrics.customersUpserted()).containsExactly(3);
    }

    @Test
    void newerVersion_replacesTheCustomer_andLeavesOthersAlone() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.00", 1), bought(2, "Bob", "5.00", 1));
        upsert("run-1");
        Summary bobBefore = store.summaries().get(2L);
        store.stage("run-2", DAY, bought(1, "Alice B", "12.00", 2));

        String response = upsert("run-2");

        assertThat(response).contains("\"customersUpserted\":1");
        assertThat(store.summaries().get(1L)).isEqualTo(new Summary("Alice B", "alice.b@example.com",
                new BigDecimal("12.00"), LocalDate.parse("2024-05-01"), LocalDate.parse("2024-05-01"), 2));
        assertThat(store.summaries().get(2L)).isEqualTo(bobBefore);
        assertThat(store.appliedVersions()).isEqualTo(Map.of(1L, 2L, 2L, 1L));
    }

    @Test
    void olderVersionArrivingLate_changesNothing_butTheRunIsStillApplied() throws IOException {
        store.stage("run-new", DAY, bought(1, "Alice New", "20.00", 5));
        store.stage("run-old", DAY, bought(1, "Alice Old", "10.00", 3));
        upsert("run-new");
        Map<Long, Summary> afterNewer = store.summaries();

        String response = upsert("run-old");

        assertThat(response).isEqualTo(
                "{\"runId\":\"run-old\",\"customersUpserted\":0,\"alreadyApplied\":false}");
        assertThat(store.summaries()).isEqualTo(afterNewer);
        assertThat(store.appliedVersions()).isEqualTo(Map.of(1L, 5L));
        assertThat(store.countStaged("run-old").rows()).isZero();
        assertThat(store.run("run-old").applied()).isTrue();
        assertThat(metrics.customersUpserted()).containsExactly(1, 0);
    }

    @Test
    void sameVersionStagedByAnotherRun_isNotNewer_andChangesNothing() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.00", 4));
        store.stage("run-2", DAY, bought(1, "Alice Other", "99.00", 4));
        upsert("run-1");
        Map<Long, Summary> before = store.summaries();

        String response = upsert("run-2");

        assertThat(response).contains("\"customersUpserted\":0");
        assertThat(store.summaries()).isEqualTo(before);
    }

    @Test
    void runWithNewerAndOlderCustomers_appliesOnlyTheNewerOnes_andCountsThem() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.00", 7), bought(2, "Bob", "5.00", 2));
        upsert("run-1");
        store.stage("run-2", DAY, bought(1, "Alice Stale", "1.00", 6), bought(2, "Bob Fresh", "6.00", 6),
                bought(3, "Carol", "3.00", 6));

        String response = upsert("run-2");

        assertThat(response).contains("\"customersUpserted\":2");
        assertThat(store.summaries()).extractingFromEntries(entry -> entry.getValue().fullName())
                .containsExactlyInAnyOrder("Alice", "Bob Fresh", "Carol");
        assertThat(store.appliedVersions()).isEqualTo(Map.of(1L, 7L, 2L, 6L, 3L, 6L));
        assertThat(metrics.customersUpserted()).containsExactly(2, 2);
    }

    @Test
    void emptiedCustomer_isDeleted_andAnOlderRunCannotBringItBack() throws IOException {
        store.stage("run-bought", DAY, bought(1, "Alice", "10.00", 1), bought(2, "Bob", "5.00", 1));
        store.stage("run-emptied", DAY, StagedCustomer.emptied(1, 3));
        store.stage("run-late", DAY, bought(1, "Alice", "10.00", 2));
        upsert("run-bought");

        String emptied = upsert("run-emptied");
        String late = upsert("run-late");

        assertThat(emptied).contains("\"customersUpserted\":1");
        assertThat(late).contains("\"customersUpserted\":0");
        assertThat(store.summaries()).containsOnlyKeys(2L);
        assertThat(store.appliedVersions()).containsEntry(1L, 3L);
    }

    @Test
    void emptiedCustomer_thatBuysAgainAtANewerVersion_isBack() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.00", 1));
        store.stage("run-2", DAY, StagedCustomer.emptied(1, 2));
        store.stage("run-3", DAY, bought(1, "Alice", "4.00", 3));
        upsert("run-1");
        upsert("run-2");

        upsert("run-3");

        assertThat(store.summaries().get(1L).totalSpentAud()).isEqualByComparingTo("4.00");
        assertThat(store.appliedVersions()).containsEntry(1L, 3L);
    }

    @Test
    void emptiedCustomerNeverSummarised_isRecordedSoOlderRunsStayOut() throws IOException {
        store.stage("run-emptied", DAY, StagedCustomer.emptied(1, 2));
        store.stage("run-late", DAY, bought(1, "Alice", "10.00", 1));

        String emptied = upsert("run-emptied");
        upsert("run-late");

        assertThat(emptied).contains("\"customersUpserted\":1");
        assertThat(store.summaries()).isEmpty();
        assertThat(store.appliedVersions()).isEqualTo(Map.of(1L, 2L));
    }

    @Test
    void sameValuesAtANewerVersion_leaveUpdatedAtAlone_butAdvanceTheVersion() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.50", 1));
        upsert("run-1");
        // Same figures at another scale: NUMERIC compares by value, so nothing changed.
        store.stage("run-2", DAY, bought(1, "Alice", "10.5", 2));

        String response = upsert("run-2");

        assertThat(response).contains("\"customersUpserted\":1");
        assertThat(store.summaries().get(1L).updatedInTransaction()).isEqualTo(1);
        assertThat(store.appliedVersions()).containsEntry(1L, 2L);
    }

    @Test
    void changedValuesAtANewerVersion_stampUpdatedAtWithTheApplyingTransaction() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "10.50", 1));
        upsert("run-1");
        store.stage("run-2", DAY, bought(1, "Alice", "11.00", 2));

        upsert("run-2");

        assertThat(store.summaries().get(1L).updatedInTransaction()).isEqualTo(2);
    }

    @Test
    void restagedRunApplyingAgain_findsItsVersionsApplied_andChangesNothing() throws IOException {
        StagedCustomer alice = bought(1, "Alice", "10.00", 1);
        store.stage("run-1", DAY, alice);
        upsert("run-1");
        Map<Long, Summary> before = store.summaries();
        store.stage("run-1", DAY, alice); // the gold→RDS job re-ran for the same execution

        String response = upsert("run-1");

        assertThat(response).isEqualTo("{\"runId\":\"run-1\",\"customersUpserted\":0,\"alreadyApplied\":false}");
        assertThat(store.summaries()).isEqualTo(before);
    }

    @Test
    void replayOfAnAppliedRun_publishesZeroCustomersUpserted_notTheStoredCountAgain() throws IOException {
        store.appliedEarlier("run-1", DAY, 7);

        invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(metrics.customersUpserted()).containsExactly(0);
    }

    @Test
    void failedUpsert_publishesNothing() {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1), bought(2, "Bob", "1.00", 1),
                bought(3, "Carol", "1.00", 1));
        store.loseStagedRows("run-1", 2);

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}"))
                .isInstanceOf(IncompleteStagingException.class);
        assertThat(metrics.customersUpserted()).isEmpty();
    }

    @Test
    void unpublishableMetric_doesNotFailTheCommittedUpsert() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1), bought(2, "Bob", "1.00", 1),
                bought(3, "Carol", "1.00", 1));
        metrics.failEveryPublish();

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).contains("\"customersUpserted\":3", "\"alreadyApplied\":false");
        assertThat(store.steps()).endsWith("markApplied:3");
        assertThat(store.summaries()).hasSize(3);
    }

    @Test
    void appliedRunWithNoStagingLeft_isANoOp_returningStoredCount() throws IOException {
        store.appliedEarlier("run-1", DAY, 7);

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).isEqualTo("{\"runId\":\"run-1\",\"customersUpserted\":7,\"alreadyApplied\":true}");
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
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1));

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-02\"}"))
                .isInstanceOf(IngestionDateMismatchException.class);
        assertThat(store.steps()).containsExactly("lockRun");
        assertThat(store.summaries()).isEmpty();
    }

    @Test
    void stagingWithRowsMissing_isRefused() {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1), bought(2, "Bob", "1.00", 1),
                bought(3, "Carol", "1.00", 1));
        store.loseStagedRows("run-1", 2);

        assertThatThrownBy(() -> invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}"))
                .isInstanceOf(IncompleteStagingException.class)
                .hasMessageContaining("recorded 3 staged rows but 2");
        assertThat(store.steps()).containsExactly("lockRun");
        assertThat(store.summaries()).isEmpty();
        assertThat(store.appliedVersions()).isEmpty();
    }

    @Test
    void customerStagedTwice_isRefused_andNothingIsApplied() {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1), bought(2, "Bob", "2.00", 1),
                bought(2, "Bob", "3.00", 1));

        assertThatThrownBy(() -> upsert("run-1"))
                .isInstanceOf(DuplicateStagedCustomerException.class)
                .hasMessageContaining("staged 3 rows for 2 distinct customers");
        assertThat(store.steps()).containsExactly("lockRun");
        assertThat(store.summaries()).isEmpty();
        assertThat(store.appliedVersions()).isEmpty();
        assertThat(store.run("run-1").applied()).isFalse();
    }

    @Test
    void stagingEmptiedByADatabaseCrash_isRefusedAsIncomplete() {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1), bought(2, "Bob", "2.00", 1));
        store.loseStagedRows("run-1", 0);

        assertThatThrownBy(() -> upsert("run-1"))
                .isInstanceOf(IncompleteStagingException.class)
                .hasMessageContaining("recorded 2 staged rows but 0");
        assertThat(store.summaries()).isEmpty();
        assertThat(store.run("run-1").applied()).isFalse();
    }

    @Test
    void runThatRecomputedNoCustomers_isStillMarkedApplied() throws IOException {
        store.stage("run-1", DAY);

        String response = invoke("{\"runId\":\"run-1\",\"ingestionDate\":\"2024-05-01\"}");

        assertThat(response).contains("\"customersUpserted\":0", "\"alreadyApplied\":false");
        assertThat(store.steps()).endsWith("markApplied:0");
        assertThat(store.run("run-1").applied()).isTrue();
    }

    @Test
    void unknownPayloadFields_areIgnored() throws IOException {
        store.stage("run-1", DAY, bought(1, "Alice", "1.00", 1));

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
