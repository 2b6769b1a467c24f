package com.c360.lambda.trigger;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/** S3 ObjectCreated notifications on the bronze bucket → one Step Functions execution per CSV object. */
public final class TriggerHandler implements RequestHandler<S3Event, TriggerResult> {
    private final TriggerService service;

    /** Used by the Lambda runtime: Step Functions client built once per container. */
    public TriggerHandler() {
        this(StepFunctionsExecutionStarter.fromEnvironment());
    }

    public TriggerHandler(ExecutionStarter starter) {
        this.service = new TriggerService(starter);
    }

    @Override
    public TriggerResult handleRequest(S3Event event, Context context) {
        return PowertoolsLogging.withLogging(context, () -> service.trigger(event.getRecords()));
    }
}
