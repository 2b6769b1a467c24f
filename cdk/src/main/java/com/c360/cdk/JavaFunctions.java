package com.c360.cdk;

import com.c360.contract.LambdaFunction;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.constructs.Construct;

/** The c360 handlers: each from the jar built for it, on the same runtime, with the same logging baseline. */
final class JavaFunctions {
    /** Java 21 runs the Java 17 bytecode and is the newest Java runtime with SnapStart GA. */
    static final Runtime RUNTIME = Runtime.JAVA_21;

    private JavaFunctions() {
    }

    /** A builder with everything common set; callers add networking, SnapStart and sizing. */
    static Function.Builder builder(Construct scope, String id, C360Config config, Path jar,
                                    String handler, String description, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>(environment);
        env.put("JAVA_TOOL_OPTIONS", String.join(" ", LambdaFunction.RUNTIME_JVM_OPTIONS));
        return Function.Builder.create(scope, id)
                .runtime(RUNTIME)
                .architecture(Architecture.ARM_64)
                .handler(handler)
                .code(Code.fromAsset(jar.toString()))
                .description(description)
                .memorySize(1024)
                .timeout(Duration.seconds(30))
                .tracing(Tracing.ACTIVE)
                .environment(env)
                .logGroup(LogGroup.Builder.create(scope, id + "Logs")
                        .retention(config.logRetention()).removalPolicy(RemovalPolicy.DESTROY).build());
    }

    /** SnapStart snapshots published versions only; c360 invokes its SnapStart functions through such an alias. */
    static Alias.Builder liveAlias(Function function) {
        Annotations.of(function).acknowledgeWarning("@aws-cdk/aws-lambda:snapStartRequirePublish",
                "Invoked only through the live alias of its current published version");
        return Alias.Builder.create(function, "Live").aliasName("live").version(function.getCurrentVersion());
    }

    static void suppressFindings(Function function, boolean inVpc) {
        Nag.suppress(function,
                Nag.rule(Nag.LAMBDA_LATEST_RUNTIME, "Pinned to Java 21: the handlers target Java 17 bytecode and "
                        + "SnapStart; moving to a newer Java runtime is a deliberate, tested upgrade"),
                Nag.rule(Nag.IAM_MANAGED_POLICY, "AWS-managed Lambda execution policies: the function's own log "
                        + "stream" + (inVpc ? " and the ENIs a VPC function needs" : ""),
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"),
                Nag.rule(Nag.IAM_WILDCARD, "X-Ray trace submission has no resource-level permissions",
                        "Resource::*"));
    }
}
