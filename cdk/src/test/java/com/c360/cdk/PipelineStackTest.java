package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.logicalIdStartingWith;
import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.GlueJob;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PipelineStackTest {
    private static final List<String> JOB_NAMES = List.of(
            "c360-dev-bronze-to-silver", "c360-dev-silver-to-gold", "c360-dev-gold-to-rds");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9]+)}");
    private static final Pattern STORAGE_BUCKET = Pattern.compile(
            "ExportsOutputFnGetAtt(Bronze|Silver|Gold|Quarantine|Reference|AthenaResults)[0-9A-F]{8}Arn");

    private static JsonNode template;
    private static Map<String, JsonNode> jobsByName;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.template(SynthesizedApp.stacks().pipeline());
        jobsByName = new HashMap<>();
        resources(template, "AWS::Glue::Job").values()
                .forEach(job -> jobsByName.put(job.at("/Properties/Name").asText(), job.path("Properties")));
    }

    @Test
    void bronzeNotification_invokesTheTriggerAliasForCsvObjectsOnly() {
        JsonNode notifications = onlyResource(template, "Custom::S3BucketNotifications").path("Properties");
        JsonNode configurations = notifications.at("/NotificationConfiguration/LambdaFunctionConfigurations");

        assertThat(notifications.at("/BucketName/Fn::ImportValue").asText()).contains("ExportsOutputRefBronze");
        assertThat(configurations).hasSize(1);
        assertThat(configurations.at("/0/Events/0").asText()).isEqualTo("s3:ObjectCreated:*");
        assertThat(configurations.at("/0/Filter/Key/FilterRules")).hasSize(1);
        assertThat(configurations.at("/0/Filter/Key/FilterRules/0/Name").asText()).isEqualTo("suffix");
        assertThat(configurations.at("/0/Filter/Key/FilterRules/0/Value").asText()).isEqualTo(".csv");
        assertThat(configurations.at("/0/LambdaFunctionArn/Ref").asText())
                .isEqualTo(logicalIdStartingWith(template, "AWS::Lambda::Alias", "TriggerFunctionLive"));
    }

    @Test
    void triggerFunction_runsTheTriggerJarOnJava21WithSnapStartAndTheFunctionsJvmOptions() throws IOException {
        JsonNode trigger = template.at("/Resources/"
                + logicalIdStartingWith(template, "AWS::Lambda::Function", "TriggerFunction") + "/Properties");
        Path staged = SynthesizedApp.assemblyDirectory().resolve("asset." + trigger.at("/Code/S3Key").asText());

        assertThat(trigger.path("Handler").asText())
                .isEqualTo("com.c360.lambda.trigger.TriggerHandler::handleRequest");
        assertThat(trigger.path("Runtime").asText()).isEqualTo("java21");
        assertThat(trigger.at("/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        // The java21 runtime's own JVM options, which the cold-start benchmark's JVM also runs with.
        assertThat(trigger.at("/Environment/Variables/JAVA_TOOL_OPTIONS").asText())
                .isEqualTo("-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        assertThat(trigger.at("/Environment/Variables/STATE_MACHINE_ARN/Ref").asText())
                .isEqualTo(logicalIdStartingWith(template, "AWS::StepFunctions::StateMachine", "StateMachine"));
        assertThat(Files.mismatch(staged, SynthesizedApp.ARTIFACTS.triggerJar())).isEqualTo(-1L);
    }

    @Test
    void definitionSubstitutions_coverExactlyThePlaceholdersOfTheAslFile() throws IOException {
        String asl = Files.readString(SynthesizedApp.ARTIFACTS.repoRoot().resolve(
                "statemachine/c360-pipeline.asl.json"));
        Set<String> placeholders = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(asl);
        while (matcher.find()) {
            placeholders.add(matcher.group(1));
        }

        assertThat(placeholders).containsExactlyInAnyOrder("BronzeToSilverJobName", "SilverToGoldJobName",
                "GoldToRdsJobName", "UpsertFunctionArn", "AlertTopicArn");
        assertThat(fieldNames(stateMachine().path("DefinitionSubstitutions"))).isEqualTo(placeholders);
    }

    @Test
    void definitionSubstitutions_nameTheThreeGlueJobsTheUpsertAliasAndTheAlertTopic() {
        JsonNode substitutions = stateMachine().path("DefinitionSubstitutions");

        assertThat(substitutions.path("BronzeToSilverJobName").asText()).isEqualTo("c360-dev-bronze-to-silver");
        assertThat(substitutions.path("SilverToGoldJobName").asText()).isEqualTo("c360-dev-silver-to-gold");
        assertThat(substitutions.path("GoldToRdsJobName").asText()).isEqualTo("c360-dev-gold-to-rds");
        assertThat(jobsByName.keySet()).containsExactlyInAnyOrderElementsOf(JOB_NAMES);
        assertThat(substitutions.at("/UpsertFunctionArn/Fn::ImportValue").asText())
                .startsWith("c360-dev-database:").contains("ExportsOutputRefUpsertFunctionLive");
        assertThat(substitutions.at("/AlertTopicArn/Fn::ImportValue").asText())
                .startsWith("c360-dev-alerting:").contains("ExportsOutputRefAlertTopic");
    }

    @Test
    void stateMachineDefinition_isTheRepositoryAslFileUploadedAsAnAsset() throws IOException {
        String key = stateMachine().at("/DefinitionS3Location/Key").asText();
        Path staged = SynthesizedApp.assemblyDirectory().resolve("asset." + key);

        assertThat(stateMachine().has("DefinitionString")).isFalse();
        assertThat(staged).exists();
        assertThat(Files.readString(staged)).isEqualTo(Files.readString(
                SynthesizedApp.ARTIFACTS.repoRoot().resolve("statemachine/c360-pipeline.asl.json")));
    }

    @Test
    void stateMachine_isStandardAndLogsEverythingWithTracing() {
        JsonNode stateMachine = stateMachine();
        String logGroupId = stateMachine.at(
                "/LoggingConfiguration/Destinations/0/CloudWatchLogsLogGroup/LogGroupArn/Fn::GetAtt/0").asText();
        JsonNode logGroup = template.at("/Resources/" + logGroupId + "/Properties");

        assertThat(stateMachine.path("StateMachineType").asText()).isEqualTo("STANDARD");
        assertThat(stateMachine.at("/LoggingConfiguration/Level").asText()).isEqualTo("ALL");
        assertThat(stateMachine.at("/LoggingConfiguration/IncludeExecutionData").asBoolean()).isTrue();
        assertThat(stateMachine.at("/TracingConfiguration/Enabled").asBoolean()).isTrue();
        assertThat(logGroup.path("LogGroupName").asText()).isEqualTo("/aws/vendedlogs/states/c360-dev-pipeline");
        assertThat(logGroup.path("RetentionInDays").asInt()).isEqualTo(30);
    }

    @Test
    void stateMachineRole_mayRunOnlyTheThreeJobsInvokeTheUpsertAndPublishAlerts() {
        List<JsonNode> statements = statementsOf(
                logicalIdStartingWith(template, "AWS::IAM::Policy", "StateMachineRoleDefaultPolicy"));
        Map<String, JsonNode> resourcesByAction = new HashMap<>();
        for (JsonNode statement : statements) {
            for (String action : actions(statement)) {
                resourcesByAction.put(action, statement.path("Resource"));
            }
        }

        assertThat(resourcesByAction.keySet().stream().filter(action -> action.startsWith("glue:")))
                .containsExactlyInAnyOrder("glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns",
                        "glue:BatchStopJobRun");
        assertThat(resourcesByAction.get("glue:StartJobRun")).hasSize(3);
        assertThat(resourcesByAction.get("glue:StartJobRun").toString())
                .contains(JOB_NAMES.stream().map(name -> ":job/" + name).toList());
        assertThat(resourcesByAction.get("lambda:InvokeFunction").path("Fn::ImportValue").asText())
                .contains("UpsertFunctionLive");
        assertThat(resourcesByAction.get("sns:Publish").path("Fn::ImportValue").asText()).contains("AlertTopic");
        assertThat(resourcesByAction.keySet()).allMatch(action -> action.startsWith("glue:")
                || action.startsWith("logs:") || action.startsWith("xray:") || action.startsWith("kms:")
                || action.equals("lambda:InvokeFunction") || action.equals("sns:Publish"));
    }

    @Test
    void glueJobs_runTheShadedJarAsScalaLanguageGlue6JobsWithoutGlueRetries() {
        for (JsonNode job : jobsByName.values()) {
            JsonNode arguments = job.path("DefaultArguments");
            assertThat(job.at("/Command/Name").asText()).isEqualTo("glueetl");
            assertThat(job.at("/Command/ScriptLocation/Fn::Sub").asText()).endsWith(".scala");
            assertThat(job.path("GlueVersion").asText()).isEqualTo("6.0");
            assertThat(job.path("MaxRetries").asInt(-1)).isZero();
            assertThat(job.path("WorkerType").asText()).isEqualTo("G.1X");
            assertThat(job.path("NumberOfWorkers").asInt()).isEqualTo(2);
            assertThat(arguments.path("--job-language").asText()).isEqualTo("scala");
            assertThat(arguments.at("/--extra-jars/Fn::Sub").asText()).startsWith("s3://cdk-").endsWith(".jar");
            assertThat(job.path("SecurityConfiguration").asText()).isEqualTo("c360-dev-glue");
        }
        assertThat(jobsByName.values().stream().map(job -> job.at("/DefaultArguments/--extra-jars/Fn::Sub")
                .asText()).distinct()).hasSize(1);
    }

    @Test
    void glueJobClasses_areTheJobClassesInTheBuiltGlueJar() throws IOException {
        assertThat(jobsByName.get("c360-dev-bronze-to-silver").at("/DefaultArguments/--class").asText())
                .isEqualTo("com.c360.glue.silver.BronzeToSilverJob");
        assertThat(jobsByName.get("c360-dev-silver-to-gold").at("/DefaultArguments/--class").asText())
                .isEqualTo("com.c360.glue.gold.SilverToGoldJob");
        assertThat(jobsByName.get("c360-dev-gold-to-rds").at("/DefaultArguments/--class").asText())
                .isEqualTo("com.c360.glue.rds.GoldToRdsJob");
        try (JarFile jar = new JarFile(SynthesizedApp.ARTIFACTS.repoRoot()
                .resolve("glue-jobs/target/c360-glue-jobs.jar").toFile())) {
            for (JsonNode job : jobsByName.values()) {
                String mainClass = job.at("/DefaultArguments/--class").asText();
                assertThat(jar.getEntry(mainClass.replace('.', '/') + ".class"))
                        .as("%s in c360-glue-jobs.jar", mainClass).isNotNull();
            }
        }
    }

    @Test
    void jarAsset_isTheBuiltGlueJar() throws IOException {
        String s3Url = jobsByName.get("c360-dev-bronze-to-silver").at("/DefaultArguments/--extra-jars/Fn::Sub")
                .asText();
        Path staged = SynthesizedApp.assemblyDirectory().resolve("asset." + s3Url.substring(
                s3Url.lastIndexOf('/') + 1));

        assertThat(Files.mismatch(staged, SynthesizedApp.ARTIFACTS.glueJobsJar())).isEqualTo(-1L);
    }

    @Test
    void maxConcurrentRuns_areTheContractsPerJobWithRunsPastThemQueuedByGlue() {
        Map<String, Integer> expected = Map.of(
                "c360-dev-bronze-to-silver", GlueJob.BRONZE_TO_SILVER.maxConcurrentRuns(),
                "c360-dev-silver-to-gold", GlueJob.SILVER_TO_GOLD.maxConcurrentRuns(),
                "c360-dev-gold-to-rds", GlueJob.GOLD_TO_RDS.maxConcurrentRuns());
        for (Map.Entry<String, Integer> job : expected.entrySet()) {
            JsonNode properties = jobsByName.get(job.getKey());
            assertThat(properties.at("/ExecutionProperty/MaxConcurrentRuns").asInt()).as(job.getKey())
                    .isEqualTo(job.getValue());
            assertThat(properties.path("JobRunQueuingEnabled").isBoolean()).as(job.getKey()).isTrue();
            assertThat(properties.path("JobRunQueuingEnabled").asBoolean()).as(job.getKey()).isTrue();
        }
        assertThat(jobsByName.get("c360-dev-silver-to-gold").at("/ExecutionProperty/MaxConcurrentRuns").asInt())
                .isEqualTo(1);
    }

    @Test
    void icebergJobs_loadIcebergWithItsSqlExtensionsAndNameTheGlueCatalogDatabase() {
        for (String name : List.of("c360-dev-bronze-to-silver", "c360-dev-silver-to-gold")) {
            JsonNode arguments = jobsByName.get(name).path("DefaultArguments");

            assertThat(arguments.path("--datalake-formats").asText()).as(name).isEqualTo("iceberg");
            assertThat(arguments.path("--conf").asText()).as(name).isEqualTo(
                    "spark.sql.extensions=org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions");
            assertThat(arguments.path("--catalog").asText()).as(name).isEqualTo("glue");
            assertThat(arguments.path("--catalog_database").asText()).as(name).isEqualTo("c360_dev");
        }
        JsonNode goldToRds = jobsByName.get("c360-dev-gold-to-rds").path("DefaultArguments");
        assertThat(fieldNames(goldToRds)).doesNotContain("--datalake-formats", "--conf", "--catalog",
                "--catalog_database");
    }

    @Test
    void icebergJobRoles_mayCreateReadAndCommitTablesOfTheDeploymentsDatabaseOnly() {
        for (String role : List.of("BronzeToSilverJobRole", "SilverToGoldJobRole")) {
            List<JsonNode> catalog = statementsOf(logicalIdStartingWith(template, "AWS::IAM::Policy",
                    role + "DefaultPolicy")).stream()
                    .filter(statement -> actions(statement).stream().anyMatch(action -> action.startsWith("glue:")))
                    .toList();

            assertThat(catalog).as(role).hasSize(1);
            assertThat(actions(catalog.get(0))).as(role).containsExactlyInAnyOrder("glue:GetDatabase",
                    "glue:GetTable", "glue:GetTables", "glue:CreateTable", "glue:UpdateTable");
            assertThat(catalog.get(0).path("Resource")).as(role).hasSize(3);
            assertThat(catalog.get(0).path("Resource").toString()).as(role)
                    .contains(":catalog\"", ":database/c360_dev\"", ":table/c360_dev/*\"");
        }
        assertThat(actionsOfRole("GoldToRdsJobRole").stream().filter(action -> action.startsWith("glue:")))
                .containsExactly("glue:GetConnection");
    }

    @Test
    void lakeArguments_pointEveryJobAtItsLayerBucketsAndPrefixes() {
        Map<String, String> expected = Map.of(
                "--bronze_root", "ExportsOutputRefBronze",
                "--silver_root", "ExportsOutputRefSilver",
                "--gold_root", "ExportsOutputRefGold",
                "--quarantine_root", "ExportsOutputRefQuarantine",
                "--audit_root", "ExportsOutputRefSilver",
                "--fx_path", "ExportsOutputRefReference",
                "--feeds_path", "ExportsOutputRefReference");
        Map<String, String> suffixes = Map.of(
                "--bronze_root", "", "--silver_root", "/purchases", "--gold_root", "/customers",
                "--quarantine_root", "/purchases", "--audit_root", "/audit", "--fx_path", "/fx/fx_rates_aud.csv",
                "--feeds_path", "/feeds/");
        for (JsonNode job : jobsByName.values()) {
            for (Map.Entry<String, String> argument : expected.entrySet()) {
                JsonNode parts = job.at("/DefaultArguments/" + argument.getKey() + "/Fn::Join/1");
                assertThat(parts.get(0).asText()).isEqualTo("s3://");
                assertThat(parts.at("/1/Fn::ImportValue").asText()).contains(argument.getValue());
                assertThat(parts.size() == 2 ? "" : parts.get(2).asText())
                        .isEqualTo(suffixes.get(argument.getKey()));
            }
        }
    }

    @Test
    void goldToRds_aloneGetsTheSecretArnAndTheVpcConnection() {
        JsonNode goldToRds = jobsByName.get("c360-dev-gold-to-rds");

        assertThat(goldToRds.at("/DefaultArguments/--db_secret_id/Fn::ImportValue").asText())
                .startsWith("c360-dev-database:").contains("PostgresSecretAttachment");
        assertThat(goldToRds.at("/Connections/Connections/0").asText()).isEqualTo("c360-dev-vpc");
        for (String name : List.of("c360-dev-bronze-to-silver", "c360-dev-silver-to-gold")) {
            assertThat(jobsByName.get(name).path("DefaultArguments").has("--db_secret_id")).isFalse();
            assertThat(jobsByName.get(name).has("Connections")).isFalse();
        }
    }

    @Test
    void glueSecurityConfiguration_encryptsS3LogsAndBookmarksWithTheDataKey() {
        JsonNode encryption = onlyResource(template, "AWS::Glue::SecurityConfiguration")
                .at("/Properties/EncryptionConfiguration");

        assertThat(encryption.at("/S3Encryptions/0/S3EncryptionMode").asText()).isEqualTo("SSE-KMS");
        assertThat(encryption.at("/CloudWatchEncryption/CloudWatchEncryptionMode").asText()).isEqualTo("SSE-KMS");
        assertThat(encryption.at("/JobBookmarksEncryption/JobBookmarksEncryptionMode").asText())
                .isEqualTo("CSE-KMS");
        assertThat(encryption.findValues("Fn::ImportValue")).hasSize(3)
                .allMatch(key -> key.asText().contains("DataKey"));
    }

    @Test
    void glueJobRoles_reachOnlyTheLayersTheirJobReadsAndWrites() {
        assertThat(bucketsWith("BronzeToSilverJobRole", "s3:GetObject*"))
                .containsExactlyInAnyOrder("Bronze", "Reference", "Silver", "Quarantine");
        assertThat(bucketsWith("BronzeToSilverJobRole", "s3:PutObject"))
                .containsExactlyInAnyOrder("Silver", "Quarantine");
        assertThat(bucketsWith("SilverToGoldJobRole", "s3:GetObject*")).containsExactlyInAnyOrder("Silver", "Gold");
        assertThat(bucketsWith("SilverToGoldJobRole", "s3:PutObject")).containsExactly("Gold");
        assertThat(bucketsWith("GoldToRdsJobRole", "s3:GetObject*")).containsExactly("Gold");
        assertThat(bucketsWith("GoldToRdsJobRole", "s3:PutObject")).isEmpty();
    }

    @Test
    void icebergJobRoles_mayDeleteInTheLayersTheyCommitTo() {
        assertThat(bucketsWith("BronzeToSilverJobRole", "s3:DeleteObject*"))
                .containsExactlyInAnyOrder("Silver", "Quarantine");
        assertThat(bucketsWith("SilverToGoldJobRole", "s3:DeleteObject*")).containsExactly("Gold");
        assertThat(bucketsWith("GoldToRdsJobRole", "s3:DeleteObject*")).isEmpty();
    }

    @Test
    void onlyGoldToRdsRole_mayReadTheDatabaseSecret() {
        assertThat(actionsOfRole("GoldToRdsJobRole")).contains("secretsmanager:GetSecretValue");
        assertThat(actionsOfRole("BronzeToSilverJobRole")).noneMatch(action -> action.startsWith("secretsmanager:"));
        assertThat(actionsOfRole("SilverToGoldJobRole")).noneMatch(action -> action.startsWith("secretsmanager:"));
    }

    @Test
    void bronzeToSilver_aloneGetsTheMetricsNamespaceArgument() {
        assertThat(jobsByName.get("c360-dev-bronze-to-silver").at("/DefaultArguments/--metrics_namespace").asText())
                .isEqualTo("c360");
        for (String name : List.of("c360-dev-silver-to-gold", "c360-dev-gold-to-rds")) {
            assertThat(jobsByName.get(name).path("DefaultArguments").has("--metrics_namespace")).as(name).isFalse();
        }
    }

    @Test
    void putMetricData_isOnEveryResourceButOnlyInTheNamespacesEachJobPublishesTo() {
        Map<String, List<String>> expected = Map.of(
                "BronzeToSilverJobRole", List.of("Glue", "c360"),
                "SilverToGoldJobRole", List.of("Glue"),
                "GoldToRdsJobRole", List.of("Glue"));
        for (Map.Entry<String, List<String>> role : expected.entrySet()) {
            List<JsonNode> putMetricData = statementsOf(logicalIdStartingWith(template, "AWS::IAM::Policy",
                    role.getKey() + "DefaultPolicy")).stream()
                    .filter(statement -> actions(statement).contains("cloudwatch:PutMetricData")).toList();

            assertThat(putMetricData).as(role.getKey()).hasSize(1);
            JsonNode statement = putMetricData.get(0);
            assertThat(actions(statement)).containsExactly("cloudwatch:PutMetricData");
            assertThat(statement.path("Resource").asText()).isEqualTo("*");
            assertThat(fieldNames(statement.path("Condition"))).containsExactly("StringEquals");
            assertThat(values(statement.at("/Condition/StringEquals/cloudwatch:namespace")))
                    .as(role.getKey()).containsExactlyInAnyOrderElementsOf(role.getValue());
        }
    }

    @Test
    void triggerAsyncInvocations_retryTwiceThenLandInAnEncryptedSslOnlyQueue() {
        JsonNode invokeConfig = onlyResource(template, "AWS::Lambda::EventInvokeConfig").path("Properties");
        String queueId = logicalIdStartingWith(template, "AWS::SQS::Queue", "TriggerDeadLetters");
        JsonNode queue = template.at("/Resources/" + queueId + "/Properties");
        JsonNode queuePolicy = onlyResource(template, "AWS::SQS::QueuePolicy").at("/Properties/PolicyDocument");

        assertThat(invokeConfig.path("MaximumRetryAttempts").asInt()).isEqualTo(2);
        assertThat(invokeConfig.path("MaximumEventAgeInSeconds").asInt()).isEqualTo(6 * 3600);
        assertThat(invokeConfig.at("/DestinationConfig/OnFailure/Destination/Fn::GetAtt/0").asText())
                .isEqualTo(queueId);
        assertThat(invokeConfig.toString()).contains(logicalIdStartingWith(template, "AWS::Lambda::Alias",
                "TriggerFunctionLive"));
        assertThat(queue.path("SqsManagedSseEnabled").asBoolean()).isTrue();
        assertThat(queuePolicy.toString()).contains("\"Effect\":\"Deny\"")
                .contains("\"aws:SecureTransport\":\"false\"");
    }

    private static JsonNode stateMachine() {
        return onlyResource(template, "AWS::StepFunctions::StateMachine").path("Properties");
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<JsonNode> statementsOf(String policyLogicalId) {
        List<JsonNode> statements = new ArrayList<>();
        template.at("/Resources/" + policyLogicalId + "/Properties/PolicyDocument/Statement")
                .forEach(statements::add);
        return statements;
    }

    private static List<String> values(JsonNode stringOrArray) {
        if (stringOrArray.isTextual()) {
            return List.of(stringOrArray.asText());
        }
        List<String> values = new ArrayList<>();
        stringOrArray.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static List<String> actions(JsonNode statement) {
        JsonNode action = statement.path("Action");
        if (action.isTextual()) {
            return List.of(action.asText());
        }
        List<String> actions = new ArrayList<>();
        action.forEach(a -> actions.add(a.asText()));
        return actions;
    }

    private static Set<String> actionsOfRole(String rolePrefix) {
        return statementsOf(logicalIdStartingWith(template, "AWS::IAM::Policy", rolePrefix + "DefaultPolicy"))
                .stream().flatMap(statement -> actions(statement).stream()).collect(Collectors.toSet());
    }

    private static Set<String> bucketsWith(String rolePrefix, String action) {
        Set<String> buckets = new HashSet<>();
        for (JsonNode statement : statementsOf(
                logicalIdStartingWith(template, "AWS::IAM::Policy", rolePrefix + "DefaultPolicy"))) {
            if (actions(statement).contains(action)) {
                Matcher matcher = STORAGE_BUCKET.matcher(statement.path("Resource").toString());
                while (matcher.find()) {
                    buckets.add(matcher.group(1));
                }
            }
        }
        return buckets;
    }
}
