package com.c360.cdk;

import com.c360.contract.LakeRoots;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.NoncurrentVersionTransition;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.StorageClass;
import software.amazon.awscdk.services.s3.Transition;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

/**
 * The lake: one bucket per layer plus reference data, Athena results and the access logs of all of them.
 *
 * <p>Buckets rather than prefixes, because each layer differs in what it needs: bronze is versioned (the trigger names
 * executions after the object version) and archived, Athena results expire, and each Glue job gets bucket-scoped
 * grants for exactly the layers it reads and writes. Audit records sit in the silver bucket under their own prefix
 * because only bronze→silver writes them, next to the silver files they account for.
 *
 * <p>Encryption: one customer-managed KMS key with yearly rotation for everything holding purchase data (buckets,
 * Glue logs and bookmarks, RDS, Athena results). Gold and silver hold names and e-mails, so decrypting must be an
 * explicit, CloudTrail-audited grant, and the Glue security configuration can only encrypt logs with a CMK. S3 bucket
 * keys keep the KMS request cost per object negligible. The access-log bucket alone uses S3-managed keys: S3 server
 * access logging cannot deliver into SSE-KMS buckets.
 */
public class StorageStack extends Stack {
    static final String SILVER_PREFIX = "purchases";
    static final String AUDIT_PREFIX = "audit";
    static final String QUARANTINE_PREFIX = "purchases";
    static final String GOLD_PREFIX = "customers";
    static final String FX_PREFIX = "fx";
    static final String FEEDS_PREFIX = "feeds";
    static final String ATHENA_RESULTS_PREFIX = "results";

    private final Key dataKey;
    private final Bucket bronze;
    private final Bucket silver;
    private final Bucket gold;
    private final Bucket quarantine;
    private final Bucket reference;
    private final Bucket athenaResults;
    private final LakeRoots lake;

    public StorageStack(Construct scope, String id, StackProps props, C360Config config, Artifacts artifacts) {
        super(scope, id, props);
        RemovalPolicy removal = config.dataRemovalPolicy();

        dataKey = Key.Builder.create(this, "DataKey")
                .alias("alias/" + config.prefix() + "-data")
                .description("c360 " + config.envName() + ": lake buckets, Glue logs and bookmarks, RDS, Athena")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(removal)
                .build();
        // The Glue security configuration encrypts the jobs' CloudWatch log groups with this key.
        dataKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("GlueJobLogsEncryption")
                .principals(List.of(new ServicePrincipal("logs." + getRegion() + ".amazonaws.com")))
                .actions(List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                        "kms:Describe*"))
                .resources(List.of("*"))
                .conditions(Map.of("ArnLike", Map.of("kms:EncryptionContext:aws:logs:arn", formatArn(
                        ArnComponents.builder().service("logs").resource("log-group")
                                .resourceName("/aws-glue/*").arnFormat(ArnFormat.COLON_RESOURCE_NAME).build()))))
                .build());

        Bucket accessLogs = Bucket.Builder.create(this, "AccessLogs")
                .encryption(BucketEncryption.S3_MANAGED)
                .enforceSsl(true)
                .minimumTlsVersion(1.2)
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .lifecycleRules(List.of(LifecycleRule.builder().id("expire-access-logs")
                        .expiration(Duration.days(config.retentionDays())).build()))
                .removalPolicy(removal)
                .autoDeleteObjects(removal == RemovalPolicy.DESTROY)
                .build();
        Nag.suppress(accessLogs, Nag.rule("AwsSolutions-S1",
                "This is the server access log target of every other bucket; logging it into itself would loop"));

        LakeBuckets buckets = new LakeBuckets(this, dataKey, accessLogs, removal);
        bronze = buckets.create("Bronze", true, List.of(LifecycleRule.builder().id("archive-bronze")
                // Instant Retrieval: a replay reads an archived object version directly, without a restore.
                .transitions(List.of(Transition.builder().storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                        .transitionAfter(Duration.days(config.bronzeArchiveDays())).build()))
                .noncurrentVersionTransitions(List.of(NoncurrentVersionTransition.builder()
                        .storageClass(StorageClass.GLACIER_INSTANT_RETRIEVAL)
                        .transitionAfter(Duration.days(config.bronzeArchiveDays())).build()))
                .build()));
        silver = buckets.create("Silver", false, List.of());
        gold = buckets.create("Gold", false, List.of());
        quarantine = buckets.create("Quarantine", false, List.of());
        reference = buckets.create("Reference", true, List.of());
        athenaResults = buckets.create("AthenaResults", false, List.of(LifecycleRule.builder()
                .id("expire-athena-results").expiration(Duration.days(config.athenaResultsDays())).build()));

        deployReference("ReferenceData", artifacts.referenceDirectory(), FX_PREFIX, config, removal);
        // The same contract files the local runtime reads from feeds/: onboarding a feed is a file and a deploy.
        deployReference("FeedContracts", artifacts.feedsDirectory(), FEEDS_PREFIX, config, removal);
        Nag.suppressCdkSingletons(this);

        CfnOutput.Builder.create(this, "BronzeBucketName").value(bronze.getBucketName())
                .description("Upload purchase CSVs here (any key ending in .csv)").build();

        lake = new LakeRoots(
                "s3://" + bronze.getBucketName(),
                "s3://" + silver.getBucketName() + "/" + SILVER_PREFIX,
                "s3://" + gold.getBucketName() + "/" + GOLD_PREFIX,
                "s3://" + quarantine.getBucketName() + "/" + QUARANTINE_PREFIX,
                "s3://" + silver.getBucketName() + "/" + AUDIT_PREFIX,
                "s3://" + reference.getBucketName() + "/" + FX_PREFIX + "/" + Artifacts.fxTableFileName(),
                "s3://" + reference.getBucketName() + "/" + FEEDS_PREFIX + "/");
    }

    private void deployReference(String id, Path directory, String prefix, C360Config config,
            RemovalPolicy removal) {
        BucketDeployment.Builder.create(this, id)
                .sources(List.of(Source.asset(directory.toString())))
                .destinationBucket(reference)
                .destinationKeyPrefix(prefix + "/")
                .retainOnDelete(removal == RemovalPolicy.RETAIN)
                .logGroup(LogGroup.Builder.create(this, id + "Logs")
                        .retention(config.logRetention()).removalPolicy(RemovalPolicy.DESTROY).build())
                .build();
    }

    public Key dataKey() {
        return dataKey;
    }

    public IBucket bronze() {
        return bronze;
    }

    public IBucket silver() {
        return silver;
    }

    public IBucket gold() {
        return gold;
    }

    public IBucket quarantine() {
        return quarantine;
    }

    public IBucket reference() {
        return reference;
    }

    public IBucket athenaResults() {
        return athenaResults;
    }

    /** The Glue jobs' lake default arguments. */
    public LakeRoots lake() {
        return lake;
    }

    /** Every lake bucket gets the same baseline: CMK, TLS-only, no public access, access logs. */
    private record LakeBuckets(Construct scope, Key key, IBucket accessLogs, RemovalPolicy removal) {
        Bucket create(String id, boolean versioned, List<LifecycleRule> rules) {
            List<LifecycleRule> allRules = new ArrayList<>(rules);
            allRules.add(LifecycleRule.builder().id("abort-incomplete-uploads")
                    .abortIncompleteMultipartUploadAfter(Duration.days(7)).build());
            return Bucket.Builder.create(scope, id)
                    .encryption(BucketEncryption.KMS)
                    .encryptionKey(key)
                    .bucketKeyEnabled(true)
                    .enforceSsl(true)
                    .minimumTlsVersion(1.2)
                    .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                    .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                    .versioned(versioned)
                    .lifecycleRules(allRules)
                    .serverAccessLogsBucket(accessLogs)
                    .serverAccessLogsPrefix(id.toLowerCase() + "/")
                    .removalPolicy(removal)
                    .autoDeleteObjects(removal == RemovalPolicy.DESTROY)
                    .build();
        }
    }
}
