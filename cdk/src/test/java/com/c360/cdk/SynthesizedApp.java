package com.c360.cdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * The default deployment, synthesized once per test JVM with the same feature flags {@code cdk synth} reads from
 * {@code cdk.json}, so the tests see the templates the CLI produces. It synthesizes a copy of the checkout's
 * artifacts taken when the tests start: another build of the same work tree may rebuild a jar meanwhile, and the
 * tests compare what was staged with what was synthesized, not with whatever the jar has become since.
 */
final class SynthesizedApp {
    static final ObjectMapper JSON = new ObjectMapper();
    static final C360Config CONFIG = C360Config.defaults();
    static final Artifacts ARTIFACTS = snapshot(Artifacts.locate());

    private static App app;
    private static C360Stacks stacks;
    private static final Map<Stack, JsonNode> TEMPLATES = new IdentityHashMap<>();

    private SynthesizedApp() {
    }

    static synchronized C360Stacks stacks() {
        if (stacks == null) {
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

    /** The files the app reads, copied out of the checkout into a directory of their own. */
    private static Artifacts snapshot(Artifacts checkout) {
        try {
            Path copy = Files.createTempDirectory("c360-artifacts");
            for (Path source : List.of(checkout.glueJobsJar(), checkout.lambdasJar(), checkout.triggerJar(),
                    checkout.stateMachineDefinition(),
                    checkout.glueEntrypointScript(), checkout.referenceDirectory(), checkout.sqlDirectory(),
                    checkout.feedsDirectory(),
                    checkout.repoRoot().resolve("cdk/cdk.json"))) {
                copyTree(source, copy.resolve(checkout.repoRoot().relativize(source)));
            }
            return Artifacts.at(copy);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copied = target.resolve(source.relativize(file).toString());
                Files.createDirectories(copied.getParent());
                Files.copy(file, copied, StandardCopyOption.COPY_ATTRIBUTES);
            }
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
