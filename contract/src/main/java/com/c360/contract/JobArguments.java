package com.c360.contract;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Glue-style job arguments: {@code --key value} pairs. Glue adds its own ({@code --JOB_ID}, {@code --TempDir}, ...);
 * they are kept but never required, so the same parsing serves Glue and the local runtime.
 */
public final class JobArguments {
    private final Map<String, String> values;

    private JobArguments(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static JobArguments parse(String... args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String token = args[i];
            if (!token.startsWith("--")) {
                throw new IllegalArgumentException("Expected a --key before '" + token + "'");
            }
            String key = token.substring(2);
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            values.put(key, hasValue ? args[++i] : "");
        }
        return new JobArguments(values);
    }

    public static JobArguments of(Map<String, String> values) {
        return new JobArguments(values);
    }

    public String required(String key) {
        String value = values.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Missing required job argument --" + key);
        }
        return value;
    }

    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(key)).filter(v -> !v.isBlank());
    }

    public LocalDate requiredDate(String key) {
        String value = required(key);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Job argument --" + key + " must be YYYY-MM-DD, got '" + value + "'", e);
        }
    }

    String required(JobArgument argument) {
        return required(argument.key());
    }

    String orNull(JobArgument argument) {
        return optional(argument.key()).orElse(null);
    }

    /** Builds a Glue {@code Arguments} map ({@code --key} to value) in insertion order, leaving out absent values. */
    static final class Renderer {
        private final Map<String, String> rendered = new LinkedHashMap<>();

        Renderer put(JobArgument argument, Object value) {
            if (value != null) {
                rendered.put(argument.flag(), value.toString());
            }
            return this;
        }

        Renderer putAll(Map<String, String> arguments) {
            rendered.putAll(arguments);
            return this;
        }

        Map<String, String> build() {
            return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rendered));
        }
    }
}
