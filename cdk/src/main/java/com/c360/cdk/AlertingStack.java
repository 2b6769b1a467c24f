package com.c360.cdk;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.sns.ITopic;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * Where alerts go: one encrypted topic that both the state machine's NotifyFailure state and the CloudWatch alarms
 * publish to. Its own stack because the pipeline (publisher) and the monitoring stack (alarms on the pipeline) both
 * need it, and neither may depend on the other in both directions.
 */
public class AlertingStack extends Stack {
    private final Topic alertTopic;

    public AlertingStack(Construct scope, String id, StackProps props, C360Config config) {
        super(scope, id, props);
        // Not the AWS-managed SNS key: CloudWatch alarms can only publish to topics whose key policy admits them.
        Key alertKey = Key.Builder.create(this, "AlertKey")
                .alias("alias/" + config.prefix() + "-alerts")
                .description("c360 " + config.envName() + ": alert topic")
                .enableKeyRotation(true)
                .pendingWindow(Duration.days(7))
                .removalPolicy(RemovalPolicy.DESTROY)
                .build();
        alertKey.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("CloudWatchAlarmsPublish")
                .principals(List.of(new ServicePrincipal("cloudwatch.amazonaws.com")))
                .actions(List.of("kms:Decrypt", "kms:GenerateDataKey*"))
                .resources(List.of("*"))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", getAccount())))
                .build());

        alertTopic = Topic.Builder.create(this, "AlertTopic")
                .displayName("c360 " + config.envName() + " alerts")
                .masterKey(alertKey)
                .enforceSsl(true)
                .build();
        config.alertEmail().ifPresent(email -> alertTopic.addSubscription(new EmailSubscription(email)));
    }

    public ITopic alertTopic() {
        return alertTopic;
    }
}
