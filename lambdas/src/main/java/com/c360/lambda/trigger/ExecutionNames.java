package com.c360.lambda.trigger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Deterministic Step Functions execution names: a readable prefix from the file name plus a hash of the object's
 * identity (bucket, key and version). A redelivered S3 event maps to the same name, which Step Functions refuses to
 * start twice; a new version of the same key gets a new name.
 */
public final class ExecutionNames {
    public static final int MAX_LENGTH = 80;
    static final int HASH_HEX_CHARS = 24;
    private static final int MAX_PREFIX_LENGTH = MAX_LENGTH - 1 - HASH_HEX_CHARS;
    private static final String CSV_SUFFIX = ".csv";
    private static final String EMPTY_PREFIX = "object";

    private ExecutionNames() {
    }

    public static String forObject(String bucket, String key, ObjectVersion version) {
        return readablePrefix(key) + "-" + identityHash(bucket, key, version);
    }

    static String readablePrefix(String key) {
        String fileName = key.substring(key.lastIndexOf('/') + 1);
        if (fileName.toLowerCase(Locale.ROOT).endsWith(CSV_SUFFIX)) {
            fileName = fileName.substring(0, fileName.length() - CSV_SUFFIX.length());
        }
        String safe = fileName.replaceAll("[^A-Za-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (safe.length() > MAX_PREFIX_LENGTH) {
            safe = safe.substring(0, MAX_PREFIX_LENGTH);
        }
        return safe.isEmpty() ? EMPTY_PREFIX : safe;
    }

    private static String identityHash(String bucket, String key, ObjectVersion version) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        // Length-prefixed parts: no choice of key can make two different identities hash the same input.
        for (String part : new String[] {bucket, key, version.source().name(), version.value()}) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            sha256.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
            sha256.update(bytes);
        }
        return HexFormat.of().formatHex(sha256.digest()).substring(0, HASH_HEX_CHARS);
    }
}
