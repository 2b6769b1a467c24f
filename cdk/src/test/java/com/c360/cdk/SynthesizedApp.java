package com.c360.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The default deployment, synthesized once per test JVM with the same feature flags {@code cdk synth} reads from
 * {@code cdk.json}, so the tests see the templates the CLI produces.
 */
final class SynthesizedApp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final C360Config CONFIG = C360Config.defaults();
    static final Artifacts ARTIFACTS = Artifacts.locate();

    private static App app;
    private static FileTime synthesizedAt;
    private static C360Stacks stacks;
    private static final Map<Stack, JsonNode> TEMPLATES = new IdentityHashMap<>();

    private SynthesizedApp() {
    }

    static synchronized C360Stacks stacks() {
        if (stacks == null) {
            synthesizedAt = FileTime.from(Instant.now());
            app = newApp(Map.of());
            stacks = C360Stacks.build(app, CONFIG, ARTIFACTS);
        }
        return stacks;
    }

    /** The cloud assembly directory of the shared synth (assets staged next to the templates). */
    static synchronized Path assemblyDirectory() {
        stacks();
        return Path.of(app.synth().getDirectory());
    }

    /**
     * Whether a deployed file is still the one the shared synth staged. Other modules' builds may replace a jar
     * while these tests run on a shared work tree; comparing against a newer jar would test that race instead.
     */
    static synchronized boolean unchangedSinceSynth(Path file) {
        stacks();
        try {
            return Files.getLastModifiedTime(file).compareTo(synthesizedAt) < 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static synchronized JsonNode template(Stack stack) {
        stacks();
        return TEMPLATES.computeIfAbsent(stack, s -> JSON.valueToTree(Template.fromStack(s).toJSON()));
    }

    static List<JsonNode> allTemplates() {
        C360Stacks all = stacks();
        return List.of(template(all.storage()), template(all.database()), template(all.alerting()),
                template(all.pipeline()), template(all.analytics()), template(all.monitoring()));
    }

    /** An app with cdk.json's context plus the given entries (later wins). */
    static App newApp(Map<String, Object> extraContext) {
        Map<String, Object> context = new HashMap<>(cdkJsonContext());
        context.putAll(extraContext);
        return App.Builder.create().context(context).build();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cdkJsonContext() {
        try {
            Path cdkJson = ARTIFACTS.repoRoot().resolve("cdk/cdk.json");
            return (Map<String, Object>) JSON.readValue(cdkJson.toFile(), Map.class).get("context");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logical id → resource, for every resource of a CloudFormation type. */
    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new HashMap<>();
        template.path("Resources").fields().forEachRemaining(entry -> {
            if (type.equals(entry.getValue().path("Type").asText())) {
                found.put(entry.getKey(), entry.getValue());
            }
        });
        return found;
    }

    static JsonNode onlyResource(JsonNode template, String type) {
        Map<String, JsonNode> found = resources(template, type);
        if (found.size() != 1) {
            throw new AssertionError("expected one " + type + ", found " + found.keySet());
        }
        return found.values().iterator().next();
    }

    static String logicalIdStartingWith(JsonNode template, String type, String prefix) {
        List<String> ids = new ArrayList<>(resources(template, type).keySet().stream()
                .filter(id -> id.startsWith(prefix)).toList());
        if (ids.size() != 1) {
            throw new AssertionError("expected one " + type + " named " + prefix + "*, found " + ids);
        }
        return ids.get(0);
    }
}
