package com.c360.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Where each layer keeps one file's or one day's output. Jobs, CDK's Athena tables, the trigger and the local runtime
 * all go through here, so the layout is written down once.
 */
public final class LakeLayout {
    /**
     * The date folders of a bronze key ({@code year=YYYY/month=MM/day=DD/file.csv}, which sets the ingestion date) and
     * of a gold day.
     */
    public static final String YEAR = "year";
    public static final String MONTH = "month";
    public static final String DAY = "day";

    private LakeLayout() {
    }

    /**
     * A stable, path-safe id for a bronze object key: a re-upload of the same key replaces its own silver output.
     * The "f" prefix keeps Spark's partition type inference from reading an all-digit hash as a number.
     */
    public static String sourceFileId(String bronzeKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bronzeKey.getBytes(StandardCharsets.UTF_8));
            return "f" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public static String bronzeObject(String bronzeRoot, String key) {
        return join(bronzeRoot, key);
    }

    public static String ingestionDay(String root, LocalDate ingestionDate) {
        return join(root, "ingestion_date=" + ingestionDate);
    }

    public static String sourceFilePartition(String root, LocalDate ingestionDate, String sourceFileId) {
        return join(ingestionDay(root, ingestionDate), "source_file=" + sourceFileId);
    }

    public static String auditRecord(String auditRoot, LocalDate ingestionDate, String sourceFileId) {
        return join(ingestionDay(auditRoot, ingestionDate), "source_file=" + sourceFileId + ".json");
    }

    /**
     * The gold rows one run recomputed, deleted customers included: what gold→RDS stages for that run. Rewritten
     * whole by a retry of silver→gold.
     */
    public static String goldChanges(String goldRoot, String runId) {
        return join(goldRoot, "changes/run_id=" + runId);
    }

    /**
     * What one replay of quarantined rows did. Under an underscore folder of the quarantine root, which Spark and
     * Athena skip, and outside the audit folder, which holds one run report per bronze file.
     */
    public static String replayRecord(String quarantineRoot, String replayId) {
        return join(quarantineRoot, "_replays/" + replayId + ".json");
    }

    /** The bronze key under which an upload of {@code fileName} is ingested on {@code day}. */
    public static String bronzeKey(LocalDate day, String fileName) {
        return join(dateFolders(day), fileName);
    }

    /** {@code year=YYYY/month=MM/day=DD}, zero-padded. */
    public static String dateFolders(LocalDate day) {
        return String.format(Locale.ROOT, "%s=%04d/%s=%02d/%s=%02d",
                YEAR, day.getYear(), MONTH, day.getMonthValue(), DAY, day.getDayOfMonth());
    }

    private static String join(String root, String child) {
        return root.endsWith("/") ? root + child : root + "/" + child;
    }
}
