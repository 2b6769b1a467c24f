package com.c360.lambda.trigger;

import static software.amazon.lambda.powertools.logging.argument.StructuredArguments.entry;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3EventNotificationRecord;
import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import com.c360.contract.ExecutionInput;
import com.c360.contract.ReplayRequest;
import com.c360.contract.UploadOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns the records of one S3 event into pipeline executions, one per CSV object. */
public final class TriggerService {
    private static final Logger LOG = LoggerFactory.getLogger(TriggerService.class);
    private static final String CSV_SUFFIX = ".csv";

    private final ExecutionStarter starter;

    public TriggerService(ExecutionStarter starter) {
        this.starter = Objects.requireNonNull(starter, "starter");
    }

    /**
     * @throws InvalidEventRecordException after every valid record has been started, if any record was rejected
     */
    public TriggerResult trigger(List<S3EventNotificationRecord> records) {
        List<TriggerResult.Execution> started = new ArrayList<>();
        List<TriggerResult.Execution> duplicates = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<InvalidEventRecordException> rejected = new ArrayList<>();
        for (S3EventNotificationRecord record : records == null ? List.<S3EventNotificationRecord>of() : records) {
            String bucket = record.getS3().getBucket().getName();
            String key = record.getS3().getObject().getUrlDecodedKey();
            if (!key.toLowerCase(Locale.ROOT).endsWith(CSV_SUFFIX)) {
                LOG.info("Skipping object that is not a CSV", entry("bucket", bucket), entry("key", key));
                skipped.add(key);
                continue;
            }
            if (key.startsWith(ReplayRequest.KEY_PREFIX)) {
                // bronze→silver would read this key as a replay request, not as the uploaded file.
                LOG.info("Skipping object under the replay prefix", entry("bucket", bucket), entry("key", key));
                skipped.add(key);
                continue;
            }
            try {
                TriggerResult.Execution execution = executionFor(bucket, key, record);
                ExecutionInput input = new ExecutionInput(bucket, key,
                        versionIdOrNull(record.getS3().getObject()), execution.ingestionDate(),
                        uploadOrder(key, record));
                switch (starter.start(execution.name(), input.toJson())) {
                    case STARTED -> {
                        LOG.info("Started pipeline execution", entry("execution", execution));
                        started.add(execution);
                    }
                    case ALREADY_EXISTS -> {
                        LOG.info("Duplicate delivery: execution already exists", entry("execution", execution));
                        duplicates.add(execution);
                    }
                }
            } catch (InvalidEventRecordException e) {
                LOG.error("Rejected S3 record", entry("bucket", bucket), entry("key", key), e);
                rejected.add(e);
            }
        }
        if (!rejected.isEmpty()) {
            throw InvalidEventRecordException.forRejected(rejected);
        }
        return new TriggerResult(started, duplicates, skipped);
    }

    /** The Lambda runtime hands an unversioned bucket's missing versionId over as "", the pipeline expects null. */
    private static String versionIdOrNull(S3ObjectEntity object) {
        String versionId = object.getVersionId();
        return versionId == null || versionId.isBlank() ? null : versionId;
    }

    private static String uploadOrder(String key, S3EventNotificationRecord record) {
        if (record.getEventTime() == null) {
            throw new InvalidEventRecordException(key, "no eventTime, so its upload order is unknown");
        }
        try {
            return UploadOrder.of(Instant.ofEpochMilli(record.getEventTime().getMillis()),
                    record.getS3().getObject().getSequencer());
        } catch (IllegalArgumentException e) {
            throw new InvalidEventRecordException(key, e.getMessage());
        }
    }

    private static TriggerResult.Execution executionFor(String bucket, String key, S3EventNotificationRecord record) {
        S3ObjectEntity object = record.getS3().getObject();
        ObjectVersion version = ObjectVersion.of(object)
                .orElseThrow(() -> new InvalidEventRecordException(key, "no versionId, eTag or sequencer"));
        Instant eventTime = record.getEventTime() == null
                ? null
                : Instant.ofEpochMilli(record.getEventTime().getMillis());
        LocalDate ingestionDate = IngestionDates.resolve(key, eventTime);
        return new TriggerResult.Execution(
                ExecutionNames.forObject(bucket, key, version), bucket, key, ingestionDate.toString());
    }
}
