package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.logicalIdStartingWith;
import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatabaseStackTest {
    private static JsonNode template;

    @BeforeAll
    static void synthesize() {
        template = SynthesizedApp.template(SynthesizedApp.stacks().database());
    }

    @Test
    void postgres_is15EncryptedPrivateAndBackedUp() {
        JsonNode instance = onlyResource(template, "AWS::RDS::DBInstance").path("Properties");

        assertThat(instance.path("Engine").asText()).isEqualTo("postgres");
        assertThat(instance.path("EngineVersion").asText()).startsWith("15");
        assertThat(instance.path("StorageEncrypted").asBoolean()).isTrue();
        assertThat(instance.at("/KmsKeyId/Fn::ImportValue").asText()).contains("DataKey");
        assertThat(instance.path("PubliclyAccessible").asBoolean(true)).isFalse();
        assertThat(instance.path("BackupRetentionPeriod").asInt()).isEqualTo(7);
        assertThat(instance.path("DBInstanceClass").asText()).isEqualTo("db.t4g.micro");
        assertThat(instance.path("DeletionProtection").asBoolean(true)).isFalse();
    }

    @Test
    void postgres_acceptsOnlyTlsConnections() {
        JsonNode parameters = onlyResource(template, "AWS::RDS::DBParameterGroup").path("Properties");

        assertThat(parameters.at("/Parameters/rds.force_ssl").asText()).isEqualTo("1");
    }

    @Test
    void vpc_hasOnlyIsolatedSubnetsAndNoRouteToTheInternet() {
        assertThat(resources(template, "AWS::EC2::InternetGateway")).isEmpty();
        assertThat(resources(template, "AWS::EC2::NatGateway")).isEmpty();
        assertThat(resources(template, "AWS::EC2::Route")).isEmpty();
        assertThat(resources(template, "AWS::EC2::Subnet").values())
                .allMatch(subnet -> !subnet.at("/Properties/MapPublicIpOnLaunch").asBoolean(false));
        JsonNode subnetGroup = onlyResource(template, "AWS::RDS::DBSubnetGroup").path("Properties");
        assertThat(subnetGroup.path("SubnetIds")).hasSize(2);
    }

    @Test
    void vpcEndpoints_coverEveryAwsApiTheFunctionsAndGlueJobCall() {
        List<String> services = new ArrayList<>();
        for (JsonNode endpoint : resources(template, "AWS::EC2::VPCEndpoint").values()) {
            String serviceName = endpoint.at("/Properties/ServiceName").toString();
            services.add(serviceName.substring(serviceName.lastIndexOf('.') + 1).replaceAll("[^a-z]", ""));
        }

        assertThat(services).containsExactlyInAnyOrder("s", "secretsmanager", "kms", "logs", "monitoring", "glue",
                "sts");
        JsonNode s3 = resources(template, "AWS::EC2::VPCEndpoint").values().stream()
                .filter(endpoint -> endpoint.at("/Properties/VpcEndpointType").asText().equals("Gateway"))
                .findFirst().orElseThrow();
        assertThat(s3.at("/Properties/ServiceName").toString()).contains(".s3");
    }

    @Test
    void databaseSecurityGroup_admitsOnlyGlueMigrationUpsertAndRotation() {
        String databaseGroup = logicalIdStartingWith(template, "AWS::EC2::SecurityGroup", "DatabaseSecurityGroup");
        Set<String> sources = resources(template, "AWS::EC2::SecurityGroupIngress").values().stream()
                .map(ingress -> ingress.path("Properties"))
                .filter(ingress -> ingress.at("/GroupId/Fn::GetAtt/0").asText().equals(databaseGroup))
                .peek(ingress -> assertThat(ingress.has("CidrIp")).isFalse())
                .map(ingress -> ingress.at("/SourceSecurityGroupId/Fn::GetAtt/0").asText())
                .collect(Collectors.toSet());

        assertThat(template.at("/Resources/" + databaseGroup + "/Properties").has("SecurityGroupIngress")).isFalse();
        assertThat(sources).hasSize(4).allMatch(source -> source.startsWith("GlueConnectionSecurityGroup")
                || source.startsWith("MigrationSecurityGroup") || source.startsWith("UpsertSecurityGroup")
                || source.startsWith("PostgresRotationSingleUserSecurityGroup"));
    }

    @Test
    void secret_isGeneratedAndRotated() {
        JsonNode secret = onlyResource(template, "AWS::SecretsManager::Secret").path("Properties");
        JsonNode rotation = onlyResource(template, "AWS::SecretsManager::RotationSchedule").path("Properties");

        assertThat(secret.has("GenerateSecretString")).isTrue();
        assertThat(secret.has("SecretString")).isFalse();
        assertThat(rotation.at("/RotationRules/ScheduleExpression").asText()).isEqualTo("rate(30 days)");
    }

    @Test
    void migrations_runThroughAProviderBackedByTheMigrationHandler() {
        JsonNode migrations = onlyResource(template, "Custom::C360SchemaMigrations");
        String providerFunction = migrations.at("/Properties/ServiceToken/Fn::GetAtt/0").asText();
        JsonNode handler = template.at("/Resources/" + logicalIdStartingWith(template, "AWS::Lambda::Function",
                "MigrationFunction") + "/Properties");

        assertThat(providerFunction).startsWith("MigrationProviderframeworkonEvent");
        assertThat(handler.path("Handler").asText())
                .isEqualTo("com.c360.lambda.migration.MigrationHandler::handleRequest");
        assertThat(handler.path("Runtime").asText()).isEqualTo("java21");
        assertThat(handler.at("/Environment/Variables/DB_SECRET_ARN/Ref").asText())
                .startsWith("PostgresSecretAttachment");
        assertThat(handler.has("VpcConfig")).isTrue();
        assertThat(migrations.at("/Properties/MigrationsDigest").asText())
                .isEqualTo(SynthesizedApp.ARTIFACTS.migrationsDigest()).matches("[0-9a-f]{64}");
        assertThat(stringsOf(migrations.path("DependsOn")))
                .anyMatch(id -> id.startsWith("Postgres9"))
                .anyMatch(id -> id.startsWith("VpcSecretsManagerEndpoint"));
    }

    @Test
    void upsertFunction_dependsOnTheMigrationsAndIsPublishedForSnapStart() {
        String functionId = logicalIdStartingWith(template, "AWS::Lambda::Function", "UpsertFunction");
        JsonNode function = template.at("/Resources/" + functionId);
        JsonNode alias = onlyResource(template, "AWS::Lambda::Alias").path("Properties");

        assertThat(stringsOf(function.path("DependsOn"))).contains("SchemaMigrations");
        assertThat(function.at("/Properties/Handler").asText())
                .isEqualTo("com.c360.lambda.upsert.UpsertHandler::handleRequest");
        assertThat(function.at("/Properties/Runtime").asText()).isEqualTo("java21");
        assertThat(function.at("/Properties/SnapStart/ApplyOn").asText()).isEqualTo("PublishedVersions");
        assertThat(function.at("/Properties/Environment/Variables/DB_SECRET_ARN/Ref").asText())
                .startsWith("PostgresSecretAttachment");
        assertThat(function.at("/Properties/VpcConfig/SecurityGroupIds/0/Fn::GetAtt/0").asText())
                .startsWith("UpsertSecurityGroup");
        assertThat(alias.path("Name").asText()).isEqualTo("live");
        assertThat(alias.at("/FunctionVersion/Fn::GetAtt/0").asText()).startsWith("UpsertFunctionCurrentVersion");
    }

    @Test
    void glueConnection_placesTheGoldToRdsJobInAnIsolatedSubnetWithItsOwnGroup() {
        JsonNode connection = onlyResource(template, "AWS::Glue::Connection").at("/Properties/ConnectionInput");
        String glueGroup = logicalIdStartingWith(template, "AWS::EC2::SecurityGroup", "GlueConnectionSecurityGroup");
        JsonNode selfIngress = resources(template, "AWS::EC2::SecurityGroupIngress").values().stream()
                .map(ingress -> ingress.path("Properties"))
                .filter(ingress -> ingress.at("/GroupId/Fn::GetAtt/0").asText().equals(glueGroup))
                .findFirst().orElseThrow();

        assertThat(connection.path("Name").asText()).isEqualTo("c360-dev-vpc");
        assertThat(connection.path("ConnectionType").asText()).isEqualTo("NETWORK");
        assertThat(connection.at("/PhysicalConnectionRequirements/SubnetId/Ref").asText())
                .startsWith("VpcdataSubnet");
        assertThat(connection.at("/PhysicalConnectionRequirements/SecurityGroupIdList/0/Fn::GetAtt/0").asText())
                .isEqualTo(glueGroup);
        assertThat(selfIngress.at("/SourceSecurityGroupId/Fn::GetAtt/0").asText()).isEqualTo(glueGroup);
        assertThat(selfIngress.path("FromPort").asInt()).isZero();
        assertThat(selfIngress.path("ToPort").asInt()).isEqualTo(65535);
    }

    private static List<String> stringsOf(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
