package com.c360.lambda.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.c360.lambda.trigger.ExecutionStarter.StartOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.ExecutionAlreadyExistsException;
import software.amazon.awssdk.services.sfn.model.SfnException;
import software.amazon.awssdk.services.sfn.model.StartExecutionRequest;
import software.amazon.awssdk.services.sfn.model.StartExecutionResponse;

class StepFunctionsExecutionStarterTest {
    private static final String ARN = "arn:aws:states:ap-southeast-2:111122223333:stateMachine:c360-pipeline";

    /** An SfnClient whose StartExecution answers as told; every other operation stays unsupported. */
    private static final class ScriptedSfn implements SfnClient {
        private final Supplier<StartExecutionResponse> answer;
        private final List<StartExecutionRequest> requests = new ArrayList<>();

        ScriptedSfn(Supplier<StartExecutionResponse> answer) {
            this.answer = answer;
        }

        @Override
        public StartExecutionResponse startExecution(StartExecutionRequest request) {
            requests.add(request);
            return answer.get();
        }

        @Override
        public String serviceName() {
            return SERVICE_NAME;
        }

        @Override
        public void close() {
        }
    }

    @Test
    void acceptedStart_isStarted_withNameInputAndStateMachine() {
        ScriptedSfn sfn = new ScriptedSfn(() -> StartExecutionResponse.builder().executionArn(ARN + ":x").build());

        StartOutcome outcome = new StepFunctionsExecutionStarter(sfn, ARN).start("purchases-abc", "{\"k\":1}");

        assertThat(outcome).isEqualTo(StartOutcome.STARTED);
        assertThat(sfn.requests).singleElement().satisfies(request -> {
            assertThat(request.stateMachineArn()).isEqualTo(ARN);
            assertThat(request.name()).isEqualTo("purchases-abc");
            assertThat(request.input()).isEqualTo("{\"k\":1}");
        });
    }

    @Test
    void executionAlreadyExists_isADuplicateNotAnError() {
        ScriptedSfn sfn = new ScriptedSfn(() -> {
            throw ExecutionAlreadyExistsException.builder().message("Execution Already Exists").build();
        });

        assertThat(new StepFunctionsExecutionStarter(sfn, ARN).start("n", "{}")).isEqualTo(StartOutcome.ALREADY_EXISTS);
    }

    @Test
    void otherStepFunctionsErrors_propagate() {
        ScriptedSfn sfn = new ScriptedSfn(() -> {
            throw SfnException.builder().message("Rate exceeded").statusCode(400).build();
        });

        assertThatThrownBy(() -> new StepFunctionsExecutionStarter(sfn, ARN).start("n", "{}"))
                .isInstanceOf(SfnException.class);
    }
}
