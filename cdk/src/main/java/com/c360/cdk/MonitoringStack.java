package com.c360.cdk;

import com.c360.contract.GlueJob;
import com.c360.contract.PipelineMetrics;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Dashboard;
import software.amazon.awscdk.services.cloudwatch.GraphWidget;
import software.amazon.awscdk.services.cloudwatch.IMetric;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.MetricOptions;
import software.amazon.awscdk.services.cloudwatch.TextWidget;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.constructs.Construct;

/** Alarms to the alert topic, and one dashboard for the whole pipeline. */
public class MonitoringStack extends Stack {
    static final Duration PERIOD = Duration.minutes(5);

    private final Dashboard dashboard;

    public MonitoringStack(Construct scope, String id, StackProps props, C360Config config, AlertingStack alerting,
                           DatabaseStack database, PipelineStack pipeline) {
        super(scope, id, props);
        SnsAction notify = new SnsAction(alerting.alertTopic());
        MetricOptions sum = MetricOptions.builder().statistic("Sum").period(PERIOD).build();

        alarm("ExecutionsFailed", "A pipeline execution failed as c360.PipelineFailed; its cause holds the "
                + "original error, and AlertError when NotifyFailure could not publish the details",
                pipeline.stateMachine().metricFailed(sum), notify);
        alarm("ExecutionsTimedOut", "A pipeline execution timed out",
                pipeline.stateMachine().metricTimedOut(sum), notify);
        alarm("TriggerErrors", "The trigger function failed; S3 events are retried, then dead-lettered",
                pipeline.triggerFunction().metricErrors(sum), notify);
        alarm("UpsertErrors", "The summary upsert function failed",
                database.upsertFunction().metricErrors(sum), notify);
        alarm("TriggerDeadLetters", "Bronze objects whose trigger gave up: no execution was started for them",
                pipeline.triggerDeadLetters().metricApproximateNumberOfMessagesVisible(
                        MetricOptions.builder().statistic("Maximum").period(PERIOD).build()), notify);

        dashboard = Dashboard.Builder.create(this, "Dashboard")
                .dashboardName(config.prefix() + "-pipeline")
                .build();
        dashboard.addWidgets(TextWidget.Builder.create()
                .markdown("# c360 " + config.envName() + "\nbronze CSV → trigger → Step Functions → Glue "
                        + "bronze→silver → silver→gold → gold→RDS → upsert. Row counts come from bronze→silver "
                        + "(PutMetricData) and the upsert function (EMF), in namespace `"
                        + PipelineMetrics.NAMESPACE + "`.")
                .width(24).height(2).build());
        dashboard.addWidgets(
                graph("Executions", List.of(
                        pipeline.stateMachine().metricStarted(sum),
                        pipeline.stateMachine().metricSucceeded(sum),
                        pipeline.stateMachine().metricFailed(sum))),
                graph("Execution duration (ms)", List.of(
                        pipeline.stateMachine().metricTime(MetricOptions.builder().statistic("Average")
                                .period(PERIOD).build()))),
                graph("Rows", PipelineMetrics.ALL.stream()
                        .map(name -> (IMetric) Metric.Builder.create().namespace(PipelineMetrics.NAMESPACE)
                                .metricName(name).statistic("Sum").period(PERIOD).build())
                        .toList()));
        dashboard.addWidgets(
                graph("Stage duration (ms)", List.of(
                        glueElapsed(pipeline.jobName(GlueJob.BRONZE_TO_SILVER)),
                        glueElapsed(pipeline.jobName(GlueJob.SILVER_TO_GOLD)),
                        glueElapsed(pipeline.jobName(GlueJob.GOLD_TO_RDS)),
                        database.upsertFunction().metricDuration(MetricOptions.builder().statistic("Maximum")
                                .period(PERIOD).label("upsert").build()))),
                graph("Trigger", List.of(
                        pipeline.triggerFunction().metricInvocations(sum),
                        pipeline.triggerFunction().metricErrors(sum),
                        pipeline.triggerDeadLetters().metricApproximateNumberOfMessagesVisible(
                                MetricOptions.builder().statistic("Maximum").period(PERIOD).build()))),
                graph("Upsert", List.of(
                        database.upsertFunction().metricInvocations(sum),
                        database.upsertFunction().metricErrors(sum))));
    }

    public Dashboard dashboard() {
        return dashboard;
    }

    private void alarm(String id, String description, IMetric metric, SnsAction notify) {
        Alarm alarm = Alarm.Builder.create(this, id)
                .alarmDescription(description)
                .metric(metric)
                .threshold(1)
                .evaluationPeriods(1)
                .comparisonOperator(ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD)
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        alarm.addAlarmAction(notify);
    }

    /** Glue's own job metric (enabled by --enable-metrics): the run's wall-clock time across all its runs. */
    private static IMetric glueElapsed(String jobName) {
        return Metric.Builder.create()
                .namespace("Glue")
                .metricName("glue.driver.aggregate.elapsedTime")
                .dimensionsMap(Map.of("JobName", jobName, "JobRunId", "ALL", "Type", "count"))
                .statistic("Maximum")
                .period(PERIOD)
                .label(jobName)
                .build();
    }

    private static GraphWidget graph(String title, List<IMetric> metrics) {
        return GraphWidget.Builder.create().title(title).left(metrics).width(8).height(6).build();
    }
}
