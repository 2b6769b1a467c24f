package com.c360.lambda.upsert;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.c360.contract.InvalidUpsertRequestException;
import com.c360.contract.UpsertRequest;
import com.c360.contract.UpsertResponse;
import com.c360.lambda.db.ConnectionProvider;
import com.c360.lambda.db.SecretsManagerConnectionProvider;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import software.amazon.lambda.powertools.logging.PowertoolsLogging;

/**
 * Step Functions' UpsertSummary task: {@code {"runId","ingestionDate"}} in, {@code {"runId","customersUpserted",
 * "alreadyApplied"}} out. A stream handler, so the JSON shape is this class's Jackson mapping and not
 * the Lambda runtime's POJO serializer; the local runtime calls {@link #handleRequest} with the same bytes.
 */
public final class UpsertHandler implements RequestStreamHandler {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private final SummaryUpserter upserter;

    /**
     * Used by the Lambda runtime: credentials from the secret in {@code DB_SECRET_ARN}, and CustomersUpserted as EMF
     * in the function's log.
     */
    public UpsertHandler() {
        this(new JdbcSummaryStore(SecretsManagerConnectionProvider.fromEnvironment()), EmfSummaryMetrics.create());
    }

    /** Used by the local runtime: the count goes to the log line only, as there is no CloudWatch to extract EMF. */
    public UpsertHandler(ConnectionProvider database) {
        this(new JdbcSummaryStore(database), SummaryMetrics.NONE);
    }

    public UpsertHandler(SummaryStore store, SummaryMetrics metrics) {
        this.upserter = new SummaryUpserter(store, metrics);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        UpsertResponse response = PowertoolsLogging.withLogging(context, () -> upserter.upsert(readRequest(input)));
        JSON.writeValue(output, response);
    }

    private static UpsertRequest readRequest(InputStream input) {
        try {
            UpsertRequest request = JSON.readValue(input, UpsertRequest.class);
            if (request == null) {
                throw new InvalidUpsertRequestException("Empty payload");
            }
            return request;
        } catch (JsonProcessingException e) {
            throw invalidRequest(e);
        } catch (IOException e) {
            throw new InvalidUpsertRequestException("Cannot read the payload", e);
        }
    }

    private static InvalidUpsertRequestException invalidRequest(JsonProcessingException e) {
        // Jackson wraps the record constructor's own exception; surface it rather than the wrapper.
        Throwable cause = e.getCause();
        if (cause instanceof InvalidUpsertRequestException invalid) {
            return invalid;
        }
        return new InvalidUpsertRequestException("Payload is not {\"runId\",\"ingestionDate\"}: "
                + e.getOriginalMessage(), e);
    }
}
