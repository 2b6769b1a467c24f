package com.c360.lambda.trigger;

import com.c360.contract.LambdaFunction;
import com.c360.lambda.FunctionEnvironment;
import java.util.Objects;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;

/**
 * StartExecution against the state machine in {@code STATE_MACHINE_ARN}. Step Functions answers a reused name with
 * {@link ExecutionAlreadyExistsException} once the first execution has finished (or when the input differs); while
 * it still runs, the same name and input return the running execution, so that case also starts nothing new.
 */
public final class StepFunctionsExecutionStarter implements ExecutionStarter {
    private final SfnClient stepFunctions;
    private final String stateMachineArn;

    public StepFunctionsExecutionStarter(SfnClient stepFunctions, String stateMachineArn) {
        this.stepFunctions = Objects.requireNonNull(stepFunctions, "stepFunctions");
        this.stateMachineArn = Objects.requireNonNull(stateMachineArn, "stateMachineArn");
    }

    public static StepFunctionsExecutionStarter fromEnvironment() {
        String arn = FunctionEnvironment.required(LambdaFunction.STATE_MACHINE_ARN_ENV);
        SfnClient client = SfnClient.builder().httpClientBuilder(UrlConnectionHttpClient.builder()).build();
        return new StepFunctionsExecutionStarter(client, arn);
    }

    @Override
    public StartOutcome start(String executionName, String inputJson) {
        try {
            stepFunctions.startExecution(request -> request
                    .stateMachineArn(stateMachineArn)
                    .name(executionName)
                    .input(inputJson));
            return StartOutcome.STARTED;
        } catch (ExecutionAlreadyExistsException e) {
            return StartOutcome.ALREADY_EXISTS;
        }
    }
}
