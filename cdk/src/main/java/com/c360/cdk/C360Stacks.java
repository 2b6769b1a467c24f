package com.c360.cdk;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import io.github.cdklabs.cdknag.NagPackProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.constructs.Construct;

/**
 * Builds the whole c360 deployment into a scope (the CDK app, or a test's app): six stacks split by concern, deployed
 * in dependency order storage → database → alerting → pipeline → analytics → monitoring. Stacks are environment
 * agnostic, so the app synthesizes offline; {@code cdk deploy} binds them to the caller's account and region.
 */
public record C360Stacks(
        StorageStack storage,
        DatabaseStack database,
        AlertingStack alerting,
        PipelineStack pipeline,
        AnalyticsStack analytics,
        MonitoringStack monitoring) {

    public static C360Stacks build(Construct scope, C360Config config, Artifacts artifacts) {
        String prefix = config.prefix();
        StorageStack storage = new StorageStack(scope, prefix + "-storage",
                props("lake buckets, data key, reference data"), config, artifacts);
        DatabaseStack database = new DatabaseStack(scope, prefix + "-database",
                props("VPC, PostgreSQL, migrations, upsert function, Glue connection"), config, artifacts,
                storage.dataKey());
        AlertingStack alerting = new AlertingStack(scope, prefix + "-alerting", props("alert topic"), config);
        PipelineStack pipeline = new PipelineStack(scope, prefix + "-pipeline",
                props("trigger, state machine, Glue jobs"), config, artifacts, storage, database, alerting);
        AnalyticsStack analytics = new AnalyticsStack(scope, prefix + "-analytics",
                props("Glue Data Catalog tables, Athena workgroup"), config, storage);
        MonitoringStack monitoring = new MonitoringStack(scope, prefix + "-monitoring",
                props("alarms and dashboard"), config, alerting, database, pipeline);

        Tags.of(scope).add("project", "c360");
        Tags.of(scope).add("environment", config.envName());
        // Every finding is an error unless suppressed with a reason next to the resource it concerns.
        Aspects.of(scope).add(new AwsSolutionsChecks(NagPackProps.builder().verbose(true).build()));
        return new C360Stacks(storage, database, alerting, pipeline, analytics, monitoring);
    }

    private static StackProps props(String description) {
        return StackProps.builder().description("c360: " + description).build();
    }
}
