package com.c360.glue.table;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.CommitMetadata;

/**
 * Which upload a silver snapshot applied, written into the snapshot's summary at commit time. An upload commits at
 * most one snapshot (a replay finds nothing newer to write), so the tag finds the one commit that changed silver for
 * that upload, and its parent shows the rows it replaced.
 */
public final class SnapshotTags {
    public static final String UPLOAD_ORDER = "c360.upload-order";
    public static final String SOURCE_KEY = "c360.source-key";
    public static final String RUN_ID = "c360.run-id";

    private SnapshotTags() {
    }

    public static Optional<Snapshot> committedBy(Table table, String uploadOrder, String sourceKey) {
        table.refresh();
        Snapshot found = null;
        for (Snapshot snapshot : table.snapshots()) {
            Map<String, String> summary = snapshot.summary();
            if (uploadOrder.equals(summary.get(UPLOAD_ORDER)) && sourceKey.equals(summary.get(SOURCE_KEY))) {
                found = snapshot;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Runs {@code commit} with the upload's tag on whatever snapshot it commits. */
    public static <T> T tagging(String uploadOrder, String sourceKey, String runId, Callable<T> commit) {
        return CommitMetadata.withCommitProperties(
                Map.of(UPLOAD_ORDER, uploadOrder, SOURCE_KEY, sourceKey, RUN_ID, runId), commit,
                RuntimeException.class);
    }
}
