package com.c360.cdk;

import static com.c360.cdk.SynthesizedApp.onlyResource;
import static com.c360.cdk.SynthesizedApp.resources;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

class MonitoringStackTest {
    private static JsonNode monitoring;
    private static JsonNode alerting;

    @BeforeAll
    static void synthesize() {
        monitoring = SynthesizedApp.template(SynthesizedApp.stacks().monitoring());
        alerting = SynthesizedApp.template(SynthesizedApp.stacks().alerting());
    }

    @Test
    void alarms_watchFailedExecutionsFunctionErrorsAndDeadLetters_andNotifyTheAlertTopic() {
        Map<String, JsonNode> alarmsByMetric = new HashMap<>();
        resources(monitoring, "AWS::CloudWatch::Alarm").values().forEach(alarm -> alarmsByMetric.put(
                alarm.at("/Properties/Namespace").asText() + ":" + alarm.at("/Properties/MetricName").asText()
                        + ":" + alarm.at("/Properties/Dimensions/0/Value").toString(), alarm.path("Properties")));

        assertThat(alarmsByMetric.keySet())
                .anyMatch(key -> key.startsWith("AWS/States:ExecutionsFailed:"))
                .anyMatch(key -> key.startsWith("AWS/Lambda:Errors:") && key.contains("TriggerFunction"))
                .anyMatch(key -> key.startsWith("AWS/Lambda:Errors:") && key.contains("UpsertFunction"))
                .anyMatch(key -> key.startsWith("AWS/SQS:ApproximateNumberOfMessagesVisible:"));
        assertThat(alarmsByMetric.values()).allSatisfy(alarm -> {
            assertThat(alarm.at("/AlarmActions/0/Fn::ImportValue").asText()).contains("AlertTopic");
            assertThat(alarm.path("Threshold").asInt()).isEqualTo(1);
            assertThat(alarm.path("ComparisonOperator").asText()).isEqualTo("GreaterThanOrEqualToThreshold");
        });
    }

    @Test
    void dashboard_chartsExecutionsStageDurationsAndTheRowCounts() {
        String body = onlyResource(monitoring, "AWS::CloudWatch::Dashboard").at("/Properties/DashboardBody")
                .toString();

        assertThat(body).contains("ExecutionsStarted", "ExecutionsSucceeded", "ExecutionsFailed", "ExecutionTime",
                "glue.driver.aggregate.elapsedTime", "c360-dev-bronze-to-silver", "c360-dev-silver-to-gold",
                "c360-dev-gold-to-rds");
        for (String metric : new String[] {"RowsRead", "RowsValid", "RowsQuarantined", "DuplicatesCollapsed",
                "CustomersUpserted"}) {
            assertThat(body).contains("[\\\"c360\\\",\\\"" + metric + "\\\"");
        }
    }

    @Test
    void alertTopic_isEncryptedWithAKeyCloudWatchMayUse_andRequiresTls() {
        JsonNode topic = onlyResource(alerting, "AWS::SNS::Topic").path("Properties");
        JsonNode key = onlyResource(alerting, "AWS::KMS::Key").path("Properties");
        JsonNode topicPolicy = onlyResource(alerting, "AWS::SNS::TopicPolicy").at("/Properties/PolicyDocument");

        assertThat(topic.at("/KmsMasterKeyId/Fn::GetAtt/1").asText()).isEqualTo("Arn");
        assertThat(key.path("EnableKeyRotation").asBoolean()).isTrue();
        assertThat(key.at("/KeyPolicy/Statement").toString()).contains("cloudwatch.amazonaws.com");
        assertThat(topicPolicy.toString()).contains("\"aws:SecureTransport\":\"false\"");
        assertThat(resources(alerting, "AWS::SNS::Subscription")).isEmpty();
    }

    @Test
    void alertEmailContext_subscribesTheAddressToTheTopic() {
        C360Config withEmail = new C360Config("dev", "G.1X", 2, "t4g.micro", false, Optional.of("ops@example.com"),
                30, 30, 7, false);
        AlertingStack stack = new AlertingStack(new App(), "alerting", StackProps.builder().build(), withEmail);
        JsonNode template = SynthesizedApp.JSON.valueToTree(Template.fromStack(stack).toJSON());

        JsonNode subscription = onlyResource(template, "AWS::SNS::Subscription").path("Properties");
        assertThat(subscription.path("Protocol").asText()).isEqualTo("email");
        assertThat(subscription.path("Endpoint").asText()).isEqualTo("ops@example.com");
    }
}
