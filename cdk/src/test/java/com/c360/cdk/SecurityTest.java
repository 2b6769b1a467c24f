package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Properties that must hold across every stack, not just where the resources were written. */
class SecurityTest {
    /** Actions that read, write or run something holding purchase data or credentials. */
    private static final Pattern DATA_ACTION = Pattern.compile(
            "s3:(GetObject|PutObject|DeleteObject).*|kms:(Decrypt|Encrypt|GenerateDataKey|ReEncrypt).*"
                    + "|secretsmanager:GetSecretValue|glue:StartJobRun|lambda:InvokeFunction|sns:Publish"
                    + "|states:StartExecution|sqs:SendMessage");
    private static final Pattern SERVICE_WILDCARD = Pattern.compile("\\*|[a-z0-9-]+:\\*");

    @Test
    void iamPolicies_neverGrantWildcardActions_norDataActionsOnEveryResource() {
        List<String> violations = new ArrayList<>();
        for (JsonNode template : SynthesizedApp.allTemplates()) {
            template.path("Resources").fields().forEachRemaining(resource -> {
                for (JsonNode statement : iamStatements(resource.getValue())) {
                    boolean allResources = values(statement.path("Resource")).contains("*");
                    for (String action : values(statement.path("Action"))) {
                        if (SERVICE_WILDCARD.matcher(action).matches()) {
                            violations.add(resource.getKey() + " allows " + action);
                        }
                        if (allResources && DATA_ACTION.matcher(action).matches()) {
                            violations.add(resource.getKey() + " allows " + action + " on *");
                        }
                    }
                }
            });
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void databaseCredentials_appearOnlyAsSecretReferences() {
        for (JsonNode template : SynthesizedApp.allTemplates()) {
            template.path("Resources").fields().forEachRemaining(resource -> {
                JsonNode properties = resource.getValue().path("Properties");
                String type = resource.getValue().path("Type").asText();
                if (!type.equals("AWS::RDS::DBInstance")) {
                    assertThat(properties.toString()).as(resource.getKey()).doesNotContain("{{resolve:secretsmanager");
                }
                JsonNode environment = properties.at("/Environment/Variables");
                environment.fieldNames().forEachRemaining(name ->
                        assertThat(name.toUpperCase()).as(resource.getKey()).doesNotContain("PASSWORD"));
                properties.path("DefaultArguments").fieldNames().forEachRemaining(name ->
                        assertThat(name.toLowerCase()).as(resource.getKey()).doesNotContain("password")
                                .isNotEqualTo("--db_user").isNotEqualTo("--db_url"));
            });
        }
        JsonNode instance = SynthesizedApp.onlyResource(
                SynthesizedApp.template(SynthesizedApp.stacks().database()), "AWS::RDS::DBInstance");
        assertThat(instance.at("/Properties/MasterUserPassword/Fn::Join/1/0").asText())
                .isEqualTo("{{resolve:secretsmanager:");
    }

    @Test
    void everyLogGroup_hasARetention() {
        for (JsonNode template : SynthesizedApp.allTemplates()) {
            SynthesizedApp.resources(template, "AWS::Logs::LogGroup").forEach((id, logGroup) ->
                    assertThat(logGroup.at("/Properties/RetentionInDays").asInt()).as(id).isEqualTo(30));
        }
    }

    private static List<JsonNode> iamStatements(JsonNode resource) {
        List<JsonNode> statements = new ArrayList<>();
        String type = resource.path("Type").asText();
        if (type.equals("AWS::IAM::Policy") || type.equals("AWS::IAM::ManagedPolicy")) {
            resource.at("/Properties/PolicyDocument/Statement").forEach(statements::add);
        }
        if (type.equals("AWS::IAM::Role")) {
            resource.at("/Properties/Policies").forEach(policy ->
                    policy.at("/PolicyDocument/Statement").forEach(statements::add));
        }
        return statements;
    }

    private static List<String> values(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else if (node.isArray()) {
            node.forEach(value -> values.add(value.isTextual() ? value.asText() : value.toString()));
        }
        return values;
    }
}
