package com.c360.cdk;

import com.c360.contract.AslPlaceholder;
import com.c360.contract.DatabaseArguments;
import com.c360.contract.GlueJob;
import com.c360.contract.JobArgument;
import com.c360.contract.LambdaFunction;
import com.c360.contract.PipelineMetrics;
import com.c360.contract.TableCatalog;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import software.amazon.awscdk.ArnComponents;
import software.amazon.awscdk.ArnFormat;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.glue.CfnJob;
import software.amazon.awscdk.services.glue.CfnSecurityConfiguration;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.destinations.SqsDestination;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketAttributes;
import software.amazon.awscdk.services.s3.EventType;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.NotificationKeyFilter;
import software.amazon.awscdk.services.s3.assets.Asset;
import software.amazon.awscdk.services.s3.notifications.LambdaDestination;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.amazon.awscdk.services.stepfunctions.DefinitionBody;
import software.amazon.awscdk.services.stepfunctions.LogLevel;
import software.amazon.awscdk.services.stepfunctions.LogOptions;
import software.amazon.awscdk.services.stepfunctions.StateMachine;
import software.amazon.awscdk.services.stepfunctions.StateMachineType;
import software.constructs.Construct;

/**
 * The event path: bronze {@code .csv} notification → trigger function → state machine (the repository's ASL file) →
 * the three Glue jobs → the upsert function (from the database stack) → alert topic on failure.
 */
public class PipelineStack extends Stack {
    static final String CSV_SUFFIX = ".csv";
    static final String GLUE_VERSION = "6.0";
    static final int GLUE_TIMEOUT_MINUTES = 60;
    /** Where Glue's own job metrics ({@code --enable-metrics}) go; the job role publishes them. */
    static final String GLUE_METRICS_NAMESPACE = "Glue";

    /** Glue loads its bundled Iceberg runtime for jobs that name it here. */
    static final String DATALAKE_FORMATS = "iceberg";

    private final Map<GlueJob, CfnJob> jobs = new EnumMap<>(GlueJob.class);
    private final Map<GlueJob, Role> jobRoles = new EnumMap<>(GlueJob.class);
    private final Map<GlueJob, List<IBucket>> jobBuckets = new EnumMap<>(GlueJob.class);
    private final StateMachine stateMachine;
    private final Function triggerFunction;
    private final Alias triggerAlias;
    private final Queue triggerDeadLetters;

    public PipelineStack(Construct scope, String id, StackProps props, C360Config config, Artifacts artifacts,
                         StorageStack storage, DatabaseStack database, AlertingStack alerting) {
        super(scope, id, props);
        createGlueJobs(config, artifacts, storage, database);

        Map<String, String> substitutions = AslPlaceholder.substitutions(this::jobName,
                database.upsertAlias().getFunctionArn(), alerting.alertTopic().getTopicArn());
        stateMachine = StateMachine.Builder.create(this, "StateMachine")
                .stateMachineName(config.prefix() + "-pipeline")
                .stateMachineType(StateMachineType.STANDARD)
                .definitionBody(DefinitionBody.fromFile(artifacts.stateMachineDefinition().toString()))
                .definitionSubstitutions(substitutions)
                .logs(LogOptions.builder()
                        .destination(LogGroup.Builder.create(this, "StateMachineLogs")
                                // The vendedlogs prefix keeps Step Functions off the account's log resource policy.
                                .logGroupName("/aws/vendedlogs/states/" + config.prefix() + "-pipeline")
                                .retention(config.logRetention())
                                .removalPolicy(RemovalPolicy.DESTROY)
                                .build())
                        .level(LogLevel.ALL)
                        .includeExecutionData(true)
                        .build())
                .tracingEnabled(true)
                .build();
        jobs.values().forEach(job -> stateMachine.getNode().addDependency(job));
        stateMachine.addToRolePolicy(PolicyStatement.Builder.create()
                .sid("RunPipelineGlueJobs")
                .actions(List.of("glue:StartJobRun", "glue:GetJobRun", "glue:GetJobRuns", "glue:BatchStopJobRun"))
                .resources(jobs.keySet().stream().map(job -> jobArn(jobName(job))).toList())
                .build());
        database.upsertAlias().grantInvoke(stateMachine);
        alerting.alertTopic().grantPublish(stateMachine);

        triggerDeadLetters = Queue.Builder.create(this, "TriggerDeadLetters")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        triggerFunction = JavaFunctions.builder(this, "TriggerFunction", config, artifacts.triggerJar(),
                        LambdaFunction.TRIGGER.handler(),
                        "c360: starts one pipeline execution per bronze object version",
                        Map.of(LambdaFunction.STATE_MACHINE_ARN_ENV, stateMachine.getStateMachineArn()))
                .memorySize(512)
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        stateMachine.grantStartExecution(triggerFunction);
        triggerAlias = JavaFunctions.liveAlias(triggerFunction)
                // S3 invokes asynchronously: Lambda retries twice, then parks the event in the dead-letter queue.
                .retryAttempts(2)
                .maxEventAge(Duration.hours(6))
                .onFailure(new SqsDestination(triggerDeadLetters))
                .build();
        // Imported by attributes so the notification lives here: attaching it in the storage stack would make the
        // storage stack depend on this one, which already depends on storage.
        IBucket bronze = Bucket.fromBucketAttributes(this, "BronzeBucket", BucketAttributes.builder()
                .bucketArn(storage.bronze().getBucketArn())
                .bucketName(storage.bronze().getBucketName())
                .build());
        bronze.addEventNotification(EventType.OBJECT_CREATED, new LambdaDestination(triggerAlias),
                NotificationKeyFilter.builder().suffix(CSV_SUFFIX).build());

        CfnOutput.Builder.create(this, "StateMachineArn").value(stateMachine.getStateMachineArn())
                .description("One execution per bronze object version").build();

        suppressFindings();
    }

    public Map<GlueJob, CfnJob> jobs() {
        return jobs;
    }

    public Map<GlueJob, Role> jobRoles() {
        return jobRoles;
    }

    public StateMachine stateMachine() {
        return stateMachine;
    }

    public Function triggerFunction() {
        return triggerFunction;
    }

    public Alias triggerAlias() {
        return triggerAlias;
    }

    public Queue triggerDeadLetters() {
        return triggerDeadLetters;
    }

    public String jobName(GlueJob job) {
        return jobs.get(job).getName();
    }

    private void createGlueJobs(C360Config config, Artifacts artifacts, StorageStack storage,
                                DatabaseStack database) {
        IKey key = storage.dataKey();
        String securityConfigurationName = config.prefix() + "-glue";
        CfnSecurityConfiguration securityConfiguration = CfnSecurityConfiguration.Builder
                .create(this, "GlueSecurityConfiguration")
                .name(securityConfigurationName)
                .encryptionConfiguration(CfnSecurityConfiguration.EncryptionConfigurationProperty.builder()
                        .s3Encryptions(List.of(CfnSecurityConfiguration.S3EncryptionProperty.builder()
                                .s3EncryptionMode("SSE-KMS").kmsKeyArn(key.getKeyArn()).build()))
                        .cloudWatchEncryption(CfnSecurityConfiguration.CloudWatchEncryptionProperty.builder()
                                .cloudWatchEncryptionMode("SSE-KMS").kmsKeyArn(key.getKeyArn()).build())
                        .jobBookmarksEncryption(CfnSecurityConfiguration.JobBookmarksEncryptionProperty.builder()
                                .jobBookmarksEncryptionMode("CSE-KMS").kmsKeyArn(key.getKeyArn()).build())
                        .build())
                .build();
        LogGroup jobLogs = LogGroup.Builder.create(this, "GlueJobLogs")
                .logGroupName("/aws-glue/" + config.prefix() + "/jobs")
                .encryptionKey(key)
                .retention(config.logRetention())
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        Asset jobsJar = Asset.Builder.create(this, "GlueJobsJar").path(artifacts.glueJobsJar().toString()).build();
        Asset entrypoint = Asset.Builder.create(this, "GlueEntrypoint")
                .path(artifacts.glueEntrypointScript().toString()).build();

        for (GlueJob job : GlueJob.values()) {
            Role role = Role.Builder.create(this, roleId(job))
                    .assumedBy(new ServicePrincipal("glue.amazonaws.com"))
                    .description("c360 Glue job " + job.jobName(config.prefix()))
                    .build();
            jobsJar.grantRead(role);
            entrypoint.grantRead(role);
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("GlueJobLogs")
                    .actions(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                            "logs:AssociateKmsKey"))
                    .resources(List.of(logGroupArn("/aws-glue/*")))
                    .build());
            List<String> metricNamespaces = new ArrayList<>(List.of(GLUE_METRICS_NAMESPACE));
            Map<String, String> arguments = new HashMap<>(storage.lake().toGlueArguments());
            arguments.put("--job-language", "scala");
            arguments.put("--class", job.mainClass());
            arguments.put("--extra-jars", jobsJar.getS3ObjectUrl());
            arguments.put("--job-bookmark-option", "job-bookmark-disable");
            arguments.put("--enable-metrics", "true");
            arguments.put("--enable-observability-metrics", "true");
            arguments.put("--enable-continuous-cloudwatch-log", "true");
            arguments.put("--continuous-log-logGroup", jobLogs.getLogGroupName());
            Optional<String> connection = Optional.empty();
            switch (job) {
                case BRONZE_TO_SILVER -> {
                    grantRead(job, role, storage.bronze(), storage.reference());
                    grantWrite(job, role, storage.silver(), storage.quarantine());
                    useIcebergCatalog(role, arguments, config.catalogDatabaseName());
                    // The job publishes each file's row accounting itself: Glue does not extract EMF from job logs.
                    arguments.put(JobArgument.METRICS_NAMESPACE.flag(), PipelineMetrics.NAMESPACE);
                    metricNamespaces.add(PipelineMetrics.NAMESPACE);
                }
                case SILVER_TO_GOLD -> {
                    grantRead(job, role, storage.silver());
                    grantWrite(job, role, storage.gold());
                    useIcebergCatalog(role, arguments, config.catalogDatabaseName());
                }
                case GOLD_TO_RDS -> {
                    // Reads the plain Parquet of its run's gold changes, not the Iceberg table.
                    grantRead(job, role, storage.gold());
                    database.secret().grantRead(role);
                    arguments.putAll(DatabaseArguments.secret(database.secret().getSecretArn()).toGlueArguments());
                    connection = Optional.of(database.glueConnectionName());
                    grantVpcConnection(role, database.glueConnectionName());
                }
                default -> throw new IllegalStateException("No data access defined for " + job);
            }
            role.addToPolicy(PolicyStatement.Builder.create()
                    .sid("GlueJobMetrics")
                    .actions(List.of("cloudwatch:PutMetricData"))
                    .resources(List.of("*"))
                    .conditions(Map.of("StringEquals", Map.of("cloudwatch:namespace", metricNamespaces)))
                    .build());

            CfnJob.Builder definition = CfnJob.Builder.create(this, jobId(job))
                    .name(job.jobName(config.prefix()))
                    .description("c360 " + job.nameSuffix() + " (" + job.mainClass() + ")")
                    .role(role.getRoleArn())
                    .command(CfnJob.JobCommandProperty.builder()
                            .name("glueetl")
                            .scriptLocation(entrypoint.getS3ObjectUrl())
                            .build())
                    .glueVersion(GLUE_VERSION)
                    .workerType(config.glueWorkerType())
                    .numberOfWorkers(config.glueNumberOfWorkers())
                    // Step Functions owns retries: a Glue-level retry would hide a failure from the execution.
                    .maxRetries(0)
                    .timeout(GLUE_TIMEOUT_MINUTES)
                    .executionProperty(CfnJob.ExecutionPropertyProperty.builder()
                            .maxConcurrentRuns(job.maxConcurrentRuns()).build())
                    // A run past maxConcurrentRuns waits in Glue's queue instead of failing with
                    // ConcurrentRunsExceededException: silver->gold's runs go one after another.
                    .jobRunQueuingEnabled(true)
                    .securityConfiguration(securityConfigurationName)
                    .defaultArguments(arguments);
            connection.ifPresent(name -> definition.connections(
                    CfnJob.ConnectionsListProperty.builder().connections(List.of(name)).build()));
            CfnJob cfnJob = definition.build();
            cfnJob.getNode().addDependency(securityConfiguration);
            jobs.put(job, cfnJob);
            jobRoles.put(job, role);
        }
    }

    private void grantRead(GlueJob job, Role role, IBucket... buckets) {
        for (IBucket bucket : buckets) {
            bucket.grantRead(role);
            jobBuckets.computeIfAbsent(job, j -> new ArrayList<>()).add(bucket);
        }
    }

    /** Spark replaces partitions: it lists, writes and deletes (its own output and committer temp files). */
    private void grantWrite(GlueJob job, Role role, IBucket... buckets) {
        for (IBucket bucket : buckets) {
            bucket.grantReadWrite(role);
            bucket.grantDelete(role);
            jobBuckets.computeIfAbsent(job, j -> new ArrayList<>()).add(bucket);
        }
    }

    /**
     * A job that commits to the Iceberg tables: Glue puts its Iceberg runtime on the classpath, Spark gets Iceberg's
     * SQL extensions (they must be set before the session starts; the job configures its catalogs from
     * {@code --catalog} itself), and the role may create, read and commit the tables of the deployment's Glue
     * database, which is all Iceberg's GlueCatalog does on Glue (no partitions: Iceberg keeps them in its metadata).
     */
    private void useIcebergCatalog(Role role, Map<String, String> arguments, String database) {
        arguments.put("--datalake-formats", DATALAKE_FORMATS);
        arguments.put("--conf", "spark.sql.extensions=" + TableCatalog.SPARK_EXTENSIONS);
        arguments.putAll(new TableCatalog(TableCatalog.Kind.GLUE, database).toGlueArguments());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("IcebergGlueCatalog")
                .actions(List.of("glue:GetDatabase", "glue:GetTable", "glue:GetTables", "glue:CreateTable",
                        "glue:UpdateTable"))
                .resources(List.of(catalogArn(), glueArn("database", database), tablesArn(database)))
                .build());
        Nag.suppress(role, Nag.rule(Nag.IAM_WILDCARD, "glue:GetTables is authorized against every table of the "
                + "database it lists; the wildcard stays inside this deployment's own Glue database, which holds only "
                + "c360's silver, gold and quarantine tables",
                "Resource::arn:<AWS::Partition>:glue:<AWS::Region>:<AWS::AccountId>:table/" + database + "/*"));
    }

    /** What Glue does with the job role to place workers in the connection's subnet. */
    private void grantVpcConnection(Role role, String connectionName) {
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("GlueConnection")
                .actions(List.of("glue:GetConnection"))
                .resources(List.of(catalogArn(), glueArn("connection", connectionName)))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("GlueWorkerNetworkInterfaces")
                .actions(List.of("ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface",
                        "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcEndpoints", "ec2:DescribeSubnets",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeVpcAttribute", "ec2:DescribeRouteTables",
                        "ec2:DescribeVpcs"))
                .resources(List.of("*"))
                .build());
        role.addToPolicy(PolicyStatement.Builder.create()
                .sid("GlueWorkerNetworkInterfaceTags")
                .actions(List.of("ec2:CreateTags", "ec2:DeleteTags"))
                .resources(List.of(formatArn(ArnComponents.builder().service("ec2").resource("network-interface")
                        .resourceName("*").build())))
                .conditions(Map.of("ForAllValues:StringEquals",
                        Map.of("aws:TagKeys", List.of("aws-glue-service-resource"))))
                .build());
    }

    private String jobArn(String name) {
        return glueArn("job", name);
    }

    private String catalogArn() {
        return formatArn(ArnComponents.builder().service("glue").resource("catalog").build());
    }

    /** A Glue resource ARN, e.g. {@code arn:...:glue:<region>:<account>:database/<name>}. */
    private String glueArn(String resource, String name) {
        return formatArn(ArnComponents.builder().service("glue").resource(resource).resourceName(name).build());
    }

    /** Every table of one Glue database. */
    private String tablesArn(String database) {
        return glueArn("table", database + "/*");
    }

    private String logGroupArn(String name) {
        return formatArn(ArnComponents.builder().service("logs").resource("log-group").resourceName(name + ":*")
                .arnFormat(ArnFormat.COLON_RESOURCE_NAME).build());
    }

    private static String jobId(GlueJob job) {
        return pascal(job) + "Job";
    }

    private static String roleId(GlueJob job) {
        return pascal(job) + "JobRole";
    }

    private static String pascal(GlueJob job) {
        StringBuilder id = new StringBuilder();
        for (String word : job.nameSuffix().split("-")) {
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }

    private void suppressFindings() {
        for (Map.Entry<GlueJob, Role> entry : jobRoles.entrySet()) {
            Nag.suppress(entry.getValue(),
                    Nag.rule(Nag.IAM_WILDCARD, "Reads of the CDK asset bucket (job jar and entry script), as "
                            + "generated by Asset.grantRead", "Action::s3:GetObject*", "Action::s3:GetBucket*",
                            "Action::s3:List*", "Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-"
                                    + "<AWS::AccountId>-<AWS::Region>/*"),
                    Nag.ruleMatching(Nag.IAM_WILDCARD, "Bucket-scoped grants on the lake layers this job reads "
                            + "and writes: object keys are per-file and per-day partitions, and KMS data-key actions "
                            + "are on the one lake key", lakeFindings(jobBuckets.get(entry.getKey()))),
                    Nag.rule(Nag.IAM_WILDCARD, "Glue creates its job log groups and streams under /aws-glue/",
                            "Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:"
                                    + "/aws-glue/*:*"),
                    Nag.rule(Nag.IAM_WILDCARD, "PutMetricData has no resource-level permissions; a "
                            + "cloudwatch:namespace condition limits it to Glue's job metrics and, for bronze->silver, "
                            + "the " + PipelineMetrics.NAMESPACE + " row counts", "Resource::*"));
        }
        Nag.suppress(jobRoles.get(GlueJob.GOLD_TO_RDS), Nag.rule(Nag.IAM_WILDCARD,
                "ENI management for the Glue connection: EC2 Describe* calls have no resource-level permissions "
                        + "and the ENI ids are not known before Glue creates them; tagging is limited to Glue's tag",
                "Resource::*", "Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:"
                        + "network-interface/*"));
        Nag.suppress(stateMachine,
                Nag.rule(Nag.IAM_WILDCARD, "CloudWatch Logs delivery and X-Ray APIs that Step Functions logging "
                        + "and tracing require have no resource-level permissions", "Resource::*"),
                Nag.rule(Nag.IAM_WILDCARD, "Publishing to the KMS-encrypted alert topic needs data keys from its "
                        + "key, and only that key", "Action::kms:GenerateDataKey*"));
        Nag.suppress(triggerDeadLetters, Nag.rule("AwsSolutions-SQS3",
                "This queue is itself the dead-letter destination of the trigger's asynchronous invocations"));
        JavaFunctions.suppressFindings(triggerFunction, false);
        Nag.suppressCdkSingletons(this);
    }

    /**
     * The wildcard findings of bucket-scoped grants. A bucket of another stack appears as {@code <Id.Arn>/*} on the
     * first synth and as its resolved import on a re-synth (as the assertions library does), hence the pattern.
     */
    private static List<Object> lakeFindings(List<IBucket> buckets) {
        List<Object> findings = new ArrayList<>(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*",
                "Action::s3:List*", "Action::s3:Abort*", "Action::s3:DeleteObject*", "Action::kms:GenerateDataKey*",
                "Action::kms:ReEncrypt*"));
        for (IBucket bucket : buckets) {
            String logicalId = Stack.of(bucket).getLogicalId((CfnElement) bucket.getNode().getDefaultChild());
            findings.add(RegexAppliesTo.builder()
                    .regex("/^Resource::(<" + logicalId + "\\.Arn>|.*:ExportsOutputFnGetAtt" + logicalId
                            + "Arn[0-9A-F]+)\\/\\*$/")
                    .build());
        }
        return findings;
    }
}
