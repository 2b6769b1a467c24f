package com.c360.cdk;

import static com.c360.contract.LambdaFunction.DB_SECRET_ARN_ENV;
import static com.c360.contract.LambdaFunction.MIGRATION;
import static com.c360.contract.LambdaFunction.UPSERT;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.CustomResource;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.Provider;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.FlowLogTrafficType;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.GatewayVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpoint;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointAwsService;
import software.amazon.awscdk.services.ec2.InterfaceVpcEndpointOptions;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.glue.CfnConnection;
import software.amazon.awscdk.services.kms.IKey;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.IInstanceEngine;
import software.amazon.awscdk.services.rds.ParameterGroup;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.rds.RotationSingleUserOptions;
import software.amazon.awscdk.services.rds.StorageType;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

/**
 * The serving database and everything that touches it: an isolated VPC (no NAT, AWS APIs through endpoints),
 * PostgreSQL 15 with a rotated generated secret, the schema migrations applied at deploy, the upsert function that
 * writes {@code customer_purchase_summary}, and the Glue connection the gold→RDS job runs in.
 */
public class DatabaseStack extends Stack {
    static final String DATABASE_NAME = "c360";

    private final Vpc vpc;
    private final DatabaseInstance database;
    private final ISecret secret;
    private final CustomResource migrations;
    private final Function upsertFunction;
    private final Alias upsertAlias;
    private final String glueConnectionName;

    public DatabaseStack(Construct scope, String id, StackProps props, C360Config config, Artifacts artifacts,
                         IKey dataKey) {
        super(scope, id, props);
        SubnetSelection isolated = SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build();

        vpc = Vpc.Builder.create(this, "Vpc")
                .maxAzs(2)
                .natGateways(0)
                .subnetConfiguration(List.of(SubnetConfiguration.builder()
                        .name("data").subnetType(SubnetType.PRIVATE_ISOLATED).cidrMask(24).build()))
                .flowLogs(Map.of("Rejected", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs(LogGroup.Builder.create(this, "FlowLogs")
                                .retention(config.logRetention()).removalPolicy(RemovalPolicy.DESTROY).build()))
                        .trafficType(FlowLogTrafficType.REJECT).build()))
                .build();
        // Everything in these subnets reaches AWS only through endpoints: S3 (jar, lake), Secrets Manager (DB
        // credentials, rotation), KMS (lake objects), Logs and CloudWatch (Glue logs and metrics), Glue and STS
        // (the Glue runtime itself).
        vpc.addGatewayEndpoint("S3Endpoint", GatewayVpcEndpointOptions.builder()
                .service(GatewayVpcEndpointAwsService.S3).subnets(List.of(isolated)).build());
        InterfaceVpcEndpoint secretsManagerEndpoint = interfaceEndpoint("SecretsManagerEndpoint",
                InterfaceVpcEndpointAwsService.SECRETS_MANAGER);
        interfaceEndpoint("KmsEndpoint", InterfaceVpcEndpointAwsService.KMS);
        interfaceEndpoint("LogsEndpoint", InterfaceVpcEndpointAwsService.CLOUDWATCH_LOGS);
        interfaceEndpoint("MonitoringEndpoint", InterfaceVpcEndpointAwsService.CLOUDWATCH_MONITORING);
        interfaceEndpoint("GlueEndpoint", InterfaceVpcEndpointAwsService.GLUE);
        interfaceEndpoint("StsEndpoint", InterfaceVpcEndpointAwsService.STS);

        SecurityGroup databaseGroup = securityGroup("DatabaseSecurityGroup",
                "c360 Postgres: admits only the Glue connection, the upsert and migration functions, rotation");
        SecurityGroup glueGroup = securityGroup("GlueConnectionSecurityGroup",
                "c360 Glue connection: gold-to-rds job workers");
        // Glue requires its workers' group to admit itself on all TCP ports (driver-executor traffic).
        glueGroup.addIngressRule(glueGroup, Port.allTcp(), "Glue workers of the same job run");
        SecurityGroup migrationGroup = securityGroup("MigrationSecurityGroup", "c360 schema migration function");
        SecurityGroup upsertGroup = securityGroup("UpsertSecurityGroup", "c360 summary upsert function");

        IInstanceEngine engine = DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                .version(PostgresEngineVersion.VER_15).build());
        database = DatabaseInstance.Builder.create(this, "Postgres")
                .engine(engine)
                .instanceType(new InstanceType(config.rdsInstanceClass()))
                .vpc(vpc)
                .vpcSubnets(isolated)
                .securityGroups(List.of(databaseGroup))
                .publiclyAccessible(false)
                .credentials(Credentials.fromGeneratedSecret("c360_admin"))
                .databaseName(DATABASE_NAME)
                .storageType(StorageType.GP3)
                .allocatedStorage(20)
                .maxAllocatedStorage(100)
                .storageEncrypted(true)
                .storageEncryptionKey(dataKey)
                .parameterGroup(ParameterGroup.Builder.create(this, "PostgresParameters")
                        .engine(engine)
                        .description("c360: TLS-only connections")
                        .parameters(Map.of("rds.force_ssl", "1"))
                        .build())
                .multiAz(config.rdsMultiAz())
                .backupRetention(Duration.days(7))
                .deletionProtection(config.deletionProtection())
                .removalPolicy(config.deletionProtection() ? RemovalPolicy.SNAPSHOT : RemovalPolicy.DESTROY)
                .autoMinorVersionUpgrade(true)
                .build();
        secret = database.getSecret();
        database.addRotationSingleUser(RotationSingleUserOptions.builder()
                .automaticallyAfter(Duration.days(30))
                .vpcSubnets(isolated)
                .endpoint(secretsManagerEndpoint)
                .build());
        database.getConnections().allowDefaultPortFrom(glueGroup, "gold-to-rds Glue job");
        database.getConnections().allowDefaultPortFrom(migrationGroup, "schema migration function");
        database.getConnections().allowDefaultPortFrom(upsertGroup, "summary upsert function");

        Function migrationFunction = databaseFunction(config, artifacts, "MigrationFunction", MIGRATION.handler(),
                migrationGroup, "c360: applies the sql/ migrations (Flyway) at deploy")
                .timeout(Duration.minutes(10))
                .build();
        grantDatabaseAccess(migrationFunction);
        Provider migrationProvider = Provider.Builder.create(this, "MigrationProvider")
                .onEventHandler(migrationFunction)
                .logGroup(LogGroup.Builder.create(this, "MigrationProviderLogs")
                        .retention(config.logRetention()).removalPolicy(RemovalPolicy.DESTROY).build())
                .build();
        migrations = CustomResource.Builder.create(this, "SchemaMigrations")
                .serviceToken(migrationProvider.getServiceToken())
                .resourceType("Custom::C360SchemaMigrations")
                .properties(Map.of("MigrationsDigest", artifacts.migrationsDigest()))
                .build();
        // Reachable database, credentials and the endpoint the function fetches them through, before it runs.
        migrations.getNode().addDependency(database, databaseGroup, secretsManagerEndpoint);

        upsertFunction = databaseFunction(config, artifacts, "UpsertFunction", UPSERT.handler(), upsertGroup,
                "c360: folds one run's staged gold rows into customer_purchase_summary")
                .timeout(Duration.minutes(5))
                .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
                .build();
        grantDatabaseAccess(upsertFunction);
        upsertFunction.getNode().addDependency(migrations);
        upsertAlias = JavaFunctions.liveAlias(upsertFunction).build();

        ISubnet glueSubnet = vpc.getIsolatedSubnets().get(0);
        glueConnectionName = config.prefix() + "-vpc";
        CfnConnection.Builder.create(this, "GlueConnection")
                .catalogId(getAccount())
                .connectionInput(CfnConnection.ConnectionInputProperty.builder()
                        .name(glueConnectionName)
                        .connectionType("NETWORK")
                        .description("c360: runs the gold-to-rds job next to Postgres")
                        .physicalConnectionRequirements(CfnConnection.PhysicalConnectionRequirementsProperty.builder()
                                .subnetId(glueSubnet.getSubnetId())
                                .availabilityZone(glueSubnet.getAvailabilityZone())
                                .securityGroupIdList(List.of(glueGroup.getSecurityGroupId()))
                                .build())
                        .build())
                .build();

        output("DatabaseEndpoint", database.getDbInstanceEndpointAddress(), "Postgres host (private)");
        output("DatabaseSecretArn", secret.getSecretArn(), "Admin credentials (rotated every 30 days)");
        output("MigrationSecurityGroupId", migrationGroup.getSecurityGroupId(),
                "Admitted to Postgres; see cdk/README.md for operator access through CloudShell");

        suppressFindings(config, migrationProvider, migrationFunction);
    }

    public Vpc vpc() {
        return vpc;
    }

    public DatabaseInstance database() {
        return database;
    }

    /** The generated admin secret (host, port, dbname, username, password); rotated every 30 days. */
    public ISecret secret() {
        return secret;
    }

    public CustomResource migrations() {
        return migrations;
    }

    public Function upsertFunction() {
        return upsertFunction;
    }

    /** What the state machine invokes: the published SnapStart version behind the {@code live} alias. */
    public Alias upsertAlias() {
        return upsertAlias;
    }

    public String glueConnectionName() {
        return glueConnectionName;
    }

    private void output(String id, String value, String description) {
        CfnOutput.Builder.create(this, id).value(value).description(description).build();
    }

    /** A handler in the isolated subnets that finds the database through the secret named in its environment. */
    private Function.Builder databaseFunction(C360Config config, Artifacts artifacts, String id, String handler,
                                              SecurityGroup group, String description) {
        return JavaFunctions.builder(this, id, config, artifacts.lambdasJar(), handler, description,
                        Map.of(DB_SECRET_ARN_ENV, secret.getSecretArn()))
                .vpc(vpc)
                .vpcSubnets(SubnetSelection.builder().subnetType(SubnetType.PRIVATE_ISOLATED).build())
                .securityGroups(List.of(group));
    }

    private void grantDatabaseAccess(Function function) {
        secret.grantRead(function);
        JavaFunctions.suppressFindings(function, true);
    }

    private InterfaceVpcEndpoint interfaceEndpoint(String id, InterfaceVpcEndpointAwsService service) {
        InterfaceVpcEndpoint endpoint = vpc.addInterfaceEndpoint(id, InterfaceVpcEndpointOptions.builder()
                .service(service).privateDnsEnabled(true).build());
        Nag.suppress(endpoint, Nag.rule("CdkNagValidationFailure", "The endpoint's group admits HTTPS from the "
                + "VPC's own CIDR, a token cdk-nag cannot resolve; nothing outside the VPC is admitted",
                "AwsSolutions-EC23"));
        return endpoint;
    }

    private SecurityGroup securityGroup(String id, String description) {
        return SecurityGroup.Builder.create(this, id).vpc(vpc).description(description).allowAllOutbound(true)
                .build();
    }

    private void suppressFindings(C360Config config, Provider migrationProvider, Function migrationFunction) {
        if (!config.rdsMultiAz()) {
            Nag.suppress(database, Nag.rule("AwsSolutions-RDS3",
                    "Single-AZ by context (rdsMultiAz=false): the summary is rebuilt from gold on replay, so a "
                            + "restore from the 7-day backups is an acceptable recovery for this environment"));
        }
        if (!config.deletionProtection()) {
            Nag.suppress(database, Nag.rule("AwsSolutions-RDS10",
                    "Deletion protection is off by context (deletionProtection=false) for a disposable "
                            + "environment; set it to true for anything that must survive a teardown"));
        }
        Nag.suppress(database, Nag.rule("AwsSolutions-RDS11",
                "Clients read the port from the rotated secret and only four security groups are admitted; a "
                        + "non-default port adds no protection here"));
        Nag.suppress(migrationProvider, Nag.cdkManagedFunction("custom resource provider framework"));
        Nag.suppress(migrationProvider, Nag.rule(Nag.IAM_WILDCARD,
                "The provider framework may invoke every version of the migration function it fronts",
                "Resource::<" + getLogicalId((CfnElement) migrationFunction.getNode().getDefaultChild()) + ".Arn>:*"));
        Nag.suppressCdkSingletons(this);
    }
}
