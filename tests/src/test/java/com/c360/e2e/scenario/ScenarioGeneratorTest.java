package com.c360.e2e.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ScenarioGeneratorTest {
    private static final FxRates FX = FxRates.reference();
    private static final List<Scenario> FIFTY = LongStream.range(0, 50)
            .mapToObj(seed -> new ScenarioGenerator(seed, FX).generate()).toList();

    @Test
    void sameSeed_givesTheSameScenario() {
        Scenario first = new ScenarioGenerator(42).generate();
        ScenarioGenerator generator = new ScenarioGenerator(42, FX);

        assertThat(generator.generate()).isEqualTo(first).isEqualTo(generator.generate());
        assertThat(new ScenarioGenerator(43, FX).generate()).isNotEqualTo(first);
        assertThat(first.describe()).startsWith("Scenario seed=42,").contains("NEW_FILE");
    }

    @Test
    void fiftySeeds_produceEveryStepKindAndFault() {
        Set<Step.Kind> kinds = EnumSet.noneOf(Step.Kind.class);
        Set<Fault> faults = new HashSet<>();
        FIFTY.forEach(scenario -> scenario.steps().forEach(step -> {
            kinds.add(step.kind());
            step.deliveries().forEach(delivery -> delivery.fault().ifPresent(faults::add));
        }));

        assertThat(kinds).containsExactlyInAnyOrder(Step.Kind.values());
        assertThat(faults).hasSize(Fault.Stage.values().length * Fault.When.values().length);
    }

    @Test
    void fiftySeeds_produceInFileDuplicatesConflictsAndCustomerMoves() {
        int exactDuplicates = 0;
        int conflicts = 0;
        int moves = 0;
        for (Scenario scenario : FIFTY) {
            Map<Long, Long> customerOfPurchase = new HashMap<>();
            for (Upload upload : scenario.uploads()) {
                exactDuplicates += upload.rows().size() - new HashSet<>(upload.rows()).size();
                Map<Long, PurchaseRow> firstRow = new HashMap<>();
                for (PurchaseRow row : upload.rows()) {
                    PurchaseRow earlier = firstRow.putIfAbsent(row.purchaseId(), row);
                    conflicts += earlier != null && !earlier.equals(row) ? 1 : 0;
                    Long customer = customerOfPurchase.put(row.purchaseId(), row.customerId());
                    moves += customer != null && customer != row.customerId() ? 1 : 0;
                }
            }
        }

        assertThat(exactDuplicates).isPositive();
        assertThat(conflicts).isPositive();
        assertThat(moves).isPositive();
    }

    @Test
    void everyRow_isValidAndEveryUploadHasItsOwnOrder() {
        for (Scenario scenario : FIFTY) {
            Set<Long> orders = new HashSet<>();
            for (Upload upload : scenario.uploads()) {
                assertThat(orders.add(upload.order())).as(scenario.describe()).isTrue();
                assertThat(upload.rows()).as(upload.label()).hasSizeBetween(1, ScenarioGenerator.MAX_ROWS_PER_FILE);
                for (PurchaseRow row : upload.rows()) {
                    BigDecimal amount = new BigDecimal(row.amount());
                    assertThat(amount).as(row.toString()).isNotNegative();
                    assertThat(amount.scale()).as(row.toString()).isBetween(0, 2);
                    assertThat(FX.audPerUnit(row.currency().toUpperCase(Locale.ROOT), row.purchaseDate()))
                            .as(row.toString()).isPresent();
                    assertThat(row.purchaseDate()).isBetween(ScenarioGenerator.FIRST_PURCHASE_DATE,
                            ScenarioGenerator.LAST_PURCHASE_DATE);
                    assertThat(row.customerId()).isBetween(1L, (long) ScenarioGenerator.CUSTOMERS);
                    assertThat(row.purchaseId()).isBetween(1L, (long) ScenarioGenerator.PURCHASE_IDS);
                }
            }
        }
    }

    @Test
    void deliveryKinds_matchWhatTheyClaim() {
        for (Scenario scenario : FIFTY) {
            Map<Long, Upload> delivered = new HashMap<>();
            long newestDelivered = 0;
            for (Step step : scenario.steps()) {
                List<Upload> uploads = step.deliveries().stream().map(Delivery::upload).toList();
                Upload first = uploads.get(0);
                switch (step.kind()) {
                    case DUPLICATE_DELIVERY -> assertThat(delivered).containsEntry(first.order(), first);
                    case STALE_DELIVERY -> assertThat(first.order()).as(scenario.describe()).isLessThan(newestDelivered);
                    case REUPLOAD -> assertThat(delivered.values()).as(scenario.describe()).anyMatch(earlier ->
                            earlier.fileName().equals(first.fileName()) && earlier.rows().equals(first.rows())
                                    && earlier.order() < first.order());
                    case CONCURRENT -> {
                        assertThat(uploads).hasSizeBetween(2, 8);
                        assertThat(uploads).allMatch(upload -> upload.ingestionDate().equals(first.ingestionDate()));
                    }
                    default -> assertThat(delivered).doesNotContainKey(first.order());
                }
                for (Upload upload : uploads) {
                    delivered.put(upload.order(), upload);
                    newestDelivered = Math.max(newestDelivered, upload.order());
                }
            }
        }
    }

    @Test
    void oracle_dependsOnlyOnTheDistinctUploads_notOnDeliveryOrder() {
        for (Scenario scenario : FIFTY) {
            List<Upload> deliveries = new ArrayList<>();
            scenario.steps().forEach(step -> step.deliveries().forEach(d -> deliveries.add(d.upload())));
            Collections.shuffle(deliveries, new Random(scenario.seed()));

            assertThat(ScenarioOracle.expected(FX, deliveries)).as(scenario.describe())
                    .isEqualTo(ScenarioOracle.expected(FX, scenario.uploads()));
        }
    }

    @Test
    void staleDeliveries_wouldChangeTheSummaryIfTakenAsNewest() {
        long mattering = FIFTY.stream().filter(scenario -> scenario.steps().stream()
                .filter(step -> step.kind() == Step.Kind.STALE_DELIVERY)
                .map(step -> step.deliveries().get(0).upload())
                .anyMatch(stale -> {
                    List<Upload> asNewest = new ArrayList<>(scenario.uploads());
                    asNewest.remove(stale);
                    asNewest.add(new Upload(Long.MAX_VALUE, stale.ingestionDate(), stale.fileName(), stale.rows()));
                    return !ScenarioOracle.expected(FX, asNewest).equals(ScenarioOracle.expected(FX, scenario.uploads()));
                })).count();

        assertThat(mattering).isPositive();
    }
}
