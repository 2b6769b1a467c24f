package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.logicalIdStartingWith;
import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StorageStackTest {
    private static final List<String> LAKE_BUCKETS = List.of(
            "Bronze", "Silver", "Gold", "Quarantine", "Reference", "AthenaResults");

    private static JsonNode template;
    private static String dataKey;
    private static String accessLogs;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.template(SynthesizedApp.stacks().storage());
        dataKey = logicalIdStartingWith(template, "AWS::KMS::Key", "DataKey");
        accessLogs = logicalIdStartingWith(template, "AWS::S3::Bucket", "AccessLogs");
    }

    @Test
    void everyBucket_blocksPublicAccessAndDeniesRequestsWithoutTls() {
        Map<String, JsonNode> buckets = resources(template, "AWS::S3::Bucket");
        Map<String, JsonNode> policies = resources(template, "AWS::S3::BucketPolicy");

        assertThat(buckets).hasSize(LAKE_BUCKETS.size() + 1);
        for (Map.Entry<String, JsonNode> bucket : buckets.entrySet()) {
            JsonNode block = bucket.getValue().at("/Properties/PublicAccessBlockConfiguration");
            assertThat(List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"))
                    .allMatch(setting -> block.path(setting).asBoolean());
            JsonNode policy = policies.values().stream()
                    .filter(p -> p.at("/Properties/Bucket/Ref").asText().equals(bucket.getKey()))
                    .findFirst().orElseThrow(() -> new AssertionError("no policy on " + bucket.getKey()));
            assertThat(policy.at("/Properties/PolicyDocument/Statement")).anySatisfy(statement -> {
                assertThat(statement.path("Effect").asText()).isEqualTo("Deny");
                assertThat(statement.at("/Condition/Bool/aws:SecureTransport").asText()).isEqualTo("false");
            });
        }
    }

    @Test
    void lakeBuckets_areEncryptedWithTheRotatedDataKeyAndLogAccess() {
        assertThat(template.at("/Resources/" + dataKey + "/Properties/EnableKeyRotation").asBoolean()).isTrue();
        for (String name : LAKE_BUCKETS) {
            JsonNode bucket = bucket(name);
            JsonNode encryption = bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0");
            assertThat(encryption.at("/ServerSideEncryptionByDefault/SSEAlgorithm").asText()).isEqualTo("aws:kms");
            assertThat(encryption.at("/ServerSideEncryptionByDefault/KMSMasterKeyID/Fn::GetAtt/0").asText())
                    .isEqualTo(dataKey);
            assertThat(encryption.path("BucketKeyEnabled").asBoolean()).isTrue();
            assertThat(bucket.at("/LoggingConfiguration/DestinationBucketName/Ref").asText()).isEqualTo(accessLogs);
        }
    }

    @Test
    void accessLogBucket_usesS3ManagedKeysBecauseLogDeliveryCannotWriteKmsObjects() {
        JsonNode bucket = template.at("/Resources/" + accessLogs + "/Properties");

        assertThat(bucket.at("/BucketEncryption/ServerSideEncryptionConfiguration/0/ServerSideEncryptionByDefault"
                + "/SSEAlgorithm").asText()).isEqualTo("AES256");
        assertThat(bucket.at("/LifecycleConfiguration/Rules/0/ExpirationInDays").asInt()).isEqualTo(30);
    }

    @Test
    void bronze_isVersionedAndArchivedAfterTheConfiguredDays() {
        JsonNode bronze = bucket("Bronze");
        JsonNode archive = rule(bronze, "archive-bronze");

        assertThat(bronze.at("/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
        assertThat(archive.at("/Transitions/0/StorageClass").asText()).isEqualTo("GLACIER_IR");
        assertThat(archive.at("/Transitions/0/TransitionInDays").asInt()).isEqualTo(30);
        assertThat(archive.at("/NoncurrentVersionTransitions/0/StorageClass").asText()).isEqualTo("GLACIER_IR");
        assertThat(archive.has("ExpirationInDays")).isFalse();
    }

    @Test
    void athenaResults_expireAfterTheConfiguredDays() {
        assertThat(rule(bucket("AthenaResults"), "expire-athena-results").path("ExpirationInDays").asInt())
                .isEqualTo(7);
    }

    @Test
    void lakeLayers_areNotVersionedExceptBronzeAndReference() {
        assertThat(bucket("Silver").has("VersioningConfiguration")).isFalse();
        assertThat(bucket("Gold").has("VersioningConfiguration")).isFalse();
        assertThat(bucket("Quarantine").has("VersioningConfiguration")).isFalse();
        assertThat(bucket("Reference").at("/VersioningConfiguration/Status").asText()).isEqualTo("Enabled");
    }

    @Test
    void referenceFolder_isDeployedUnderFxInTheReferenceBucket() throws IOException {
        Path staged = stagedDeployment("fx/");
        Path fxTable = SynthesizedApp.ARTIFACTS.repoRoot().resolve("glue-jobs/reference/fx_rates_aud.csv");

        assertThat(Files.mismatch(staged.resolve("fx_rates_aud.csv"), fxTable)).isEqualTo(-1L);
    }

    @Test
    void feedContracts_areDeployedUnderFeedsInTheReferenceBucket_asTheFilesTheLocalRuntimeReads() throws IOException {
        Path staged = stagedDeployment("feeds/");
        Path feeds = SynthesizedApp.ARTIFACTS.repoRoot().resolve("feeds");

        for (String contract : List.of("default.yaml", "online-retail.yaml")) {
            assertThat(Files.mismatch(staged.resolve(contract), feeds.resolve(contract))).as(contract).isEqualTo(-1L);
        }
    }

    /** The staged asset of the deployment into the reference bucket under {@code prefix}. */
    private static Path stagedDeployment(String prefix) {
        String reference = logicalIdStartingWith(template, "AWS::S3::Bucket", "Reference");
        List<JsonNode> deployments = new ArrayList<>();
        template.path("Resources").forEach(resource -> {
            JsonNode properties = resource.path("Properties");
            if (resource.path("Type").asText().equals("Custom::CDKBucketDeployment")
                    && properties.path("DestinationBucketKeyPrefix").asText().equals(prefix)
                    && properties.at("/DestinationBucketName/Ref").asText().equals(reference)) {
                deployments.add(properties);
            }
        });
        assertThat(deployments).as("deployments to the reference bucket under " + prefix).hasSize(1);
        String zipKey = deployments.get(0).at("/SourceObjectKeys/0").asText();
        return SynthesizedApp.assemblyDirectory().resolve("asset." + zipKey.replace(".zip", ""));
    }

    @Test
    void dataKeyPolicy_letsCloudWatchLogsUseItOnlyForGlueLogGroups() {
        JsonNode statements = template.at("/Resources/" + dataKey + "/Properties/KeyPolicy/Statement");

        assertThat(statements).anySatisfy(statement -> {
            assertThat(statement.at("/Principal/Service").toString()).contains("logs.");
            assertThat(statement.at("/Condition/ArnLike/kms:EncryptionContext:aws:logs:arn").toString())
                    .contains("log-group:/aws-glue/*");
        });
    }

    private static JsonNode bucket(String name) {
        return template.at("/Resources/" + logicalIdStartingWith(template, "AWS::S3::Bucket", name) + "/Properties");
    }

    private static JsonNode rule(JsonNode bucket, String id) {
        for (JsonNode rule : bucket.at("/LifecycleConfiguration/Rules")) {
            if (rule.path("Id").asText().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no lifecycle rule " + id);
    }
}
