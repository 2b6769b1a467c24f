package com.c360.lambda.trigger;

import com.amazonaws.services.lambda.runtime.events.models.s3.S3EventNotification.S3ObjectEntity;
import java.util.Optional;

/**
 * What tells one upload of a key from another: the S3 version id when the bucket is versioned, else the eTag (same
 * content, same tag), else the event sequencer.
 */
public record ObjectVersion(Source source, String value) {

    public enum Source {
        VERSION_ID,
        ETAG,
        SEQUENCER
    }

    static Optional<ObjectVersion> of(S3ObjectEntity object) {
        if (present(object.getVersionId())) {
            return Optional.of(new ObjectVersion(Source.VERSION_ID, object.getVersionId()));
        }
        if (present(object.geteTag())) {
            return Optional.of(new ObjectVersion(Source.ETAG, object.geteTag()));
        }
        if (present(object.getSequencer())) {
            return Optional.of(new ObjectVersion(Source.SEQUENCER, object.getSequencer()));
        }
        return Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
