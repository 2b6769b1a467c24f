package com.c360.cdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag AwsSolutions runs on the whole app; every finding must be fixed or suppressed with a reason. */
class NagTest {
    /** Annotations.fromStack re-synthesizes the app each time; once per stack is enough. */
    private static final Map<Stack, Annotations> ANNOTATIONS = new IdentityHashMap<>();

    @Test
    void awsSolutions_hasNoUnsuppressedErrorsInAnyStack() {
        for (Stack stack : stacks()) {
            List<SynthesisMessage> errors = annotations(stack)
                    .findError("*", Match.stringLikeRegexp("AwsSolutions-.*"));
            assertThat(errors).as(stack.getStackName() + ": " + describe(errors)).isEmpty();
        }
    }

    @Test
    void awsSolutions_couldEvaluateEveryRule() {
        for (Stack stack : stacks()) {
            List<SynthesisMessage> failures = annotations(stack)
                    .findWarning("*", Match.stringLikeRegexp("CdkNagValidationFailure.*"));
            assertThat(failures).as(stack.getStackName() + ": " + describe(failures)).isEmpty();
        }
    }

    private static synchronized Annotations annotations(Stack stack) {
        return ANNOTATIONS.computeIfAbsent(stack, Annotations::fromStack);
    }

    private static List<Stack> stacks() {
        C360Stacks all = SynthesizedApp.stacks();
        return List.of(all.storage(), all.database(), all.alerting(), all.pipeline(), all.analytics(),
                all.monitoring());
    }

    private static String describe(List<SynthesisMessage> messages) {
        return messages.stream().map(message -> message.getId() + " " + message.getEntry().getData())
                .toList().toString();
    }
}
