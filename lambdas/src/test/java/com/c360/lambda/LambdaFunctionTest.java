package com.c360.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.LambdaFunction;
import com.c360.lambda.migration.MigrationHandler;
import com.c360.lambda.trigger.TriggerHandler;
import com.c360.lambda.upsert.UpsertHandler;
import org.junit.jupiter.api.Test;

/** CDK deploys the handler strings of the contract; these are the handler classes of this jar. */
class LambdaFunctionTest {

    @Test
    void contractHandlerClasses_areTheHandlersOfThisJar() {
        assertThat(LambdaFunction.TRIGGER.handlerClass()).isEqualTo(TriggerHandler.class.getName());
        assertThat(LambdaFunction.UPSERT.handlerClass()).isEqualTo(UpsertHandler.class.getName());
        assertThat(LambdaFunction.MIGRATION.handlerClass()).isEqualTo(MigrationHandler.class.getName());
    }
}
