package com.c360.local.aws;

import com.c360.contract.AslPlaceholder;
import java.util.Map;

/** Names of the local stand-ins for the deployed resources, and the ASL substitutions CDK makes with real ARNs. */
public final class LocalDeployment {
    public static final String PREFIX = "c360-local";
    public static final String UPSERT_FUNCTION = PREFIX + "-upsert";
    public static final String ALERT_TOPIC_ARN = "arn:aws:sns:local:000000000000:" + PREFIX + "-alerts";

    public static final String GLUE_RUN_JOB_SYNC = "arn:aws:states:::glue:startJobRun.sync";
    public static final String LAMBDA_INVOKE = "arn:aws:states:::lambda:invoke";
    public static final String SNS_PUBLISH = "arn:aws:states:::sns:publish";

    private LocalDeployment() {
    }

    public static String functionArn(String functionName) {
        return "arn:aws:lambda:local:000000000000:function:" + functionName;
    }

    public static Map<String, String> definitionSubstitutions() {
        return AslPlaceholder.substitutions(job -> job.jobName(PREFIX), functionArn(UPSERT_FUNCTION),
                ALERT_TOPIC_ARN);
    }
}
