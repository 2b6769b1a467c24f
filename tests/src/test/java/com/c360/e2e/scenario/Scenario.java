package com.c360.e2e.scenario;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A generated sequence of steps; {@link #seed()} reproduces it through {@link ScenarioGenerator}. */
public record Scenario(long seed, List<Step> steps) {

    public Scenario {
        steps = List.copyOf(steps);
    }

    /** Every distinct upload of the scenario, in upload order: what the summary must reflect once all have run. */
    public List<Upload> uploads() {
        return uploadsDeliveredThrough(steps.size() - 1);
    }

    /** The distinct uploads delivered in steps {@code 0..lastStep}, in upload order. */
    public List<Upload> uploadsDeliveredThrough(int lastStep) {
        Map<Long, Upload> byOrder = new LinkedHashMap<>();
        steps.subList(0, lastStep + 1).stream()
                .flatMap(step -> step.deliveries().stream())
                .map(Delivery::upload)
                .forEach(upload -> byOrder.putIfAbsent(upload.order(), upload));
        return byOrder.values().stream().sorted(Comparator.comparingLong(Upload::order)).toList();
    }

    /** The seed and one line per step, enough to tell which step a failure came from and to replay it. */
    public String describe() {
        StringBuilder text = new StringBuilder("Scenario seed=").append(seed).append(", ").append(steps.size())
                .append(" steps, ").append(uploads().size()).append(" uploads");
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            text.append(System.lineSeparator()).append(String.format("  %2d %-18s ", i, step.kind()))
                    .append(describe(step.deliveries()));
        }
        return text.toString();
    }

    private static String describe(Collection<Delivery> deliveries) {
        return deliveries.stream().map(Delivery::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return describe();
    }
}
