package com.c360.local;

import com.c360.contract.FeedLayout;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The lake on the local filesystem: one directory per bucket (bronze, silver, gold, quarantine, audit, reference).
 * Uploads behave like a versioned S3 bucket: every put is a new version, and an object appears whole or not at all.
 */
public record LocalLake(Path root) {
    public static final String BRONZE_BUCKET = "c360-local-bronze";
    public static final String FX_RATES_OBJECT = "fx_rates_aud.csv";
    public static final String FEEDS_FOLDER = "feeds";
    /** Layer (bucket) directory names, for {@link #layer} and {@link #uri}. */
    public static final String BRONZE = "bronze";
    public static final String SILVER = "silver";
    public static final String GOLD = "gold";
    public static final String QUARANTINE = "quarantine";
    public static final String AUDIT = "audit";
    public static final String REFERENCE = "reference";

    /**
     * What S3 reports about a stored object in its event notification: {@code eventTime} and {@code sequencer} are
     * taken together at the put, so they order this process's uploads as they were made.
     */
    public record StoredObject(String bucket, String key, long size, String eTag, String versionId, String sequencer,
            Instant eventTime) {
    }

    private static final AtomicLong SEQUENCER = new AtomicLong(System.currentTimeMillis() << 16);

    /** The lake of the local installation whose state lives in {@code home}. */
    public static LocalLake inHome(Path home) {
        return new LocalLake(home.resolve("lake"));
    }

    public Path layer(String name) {
        return root.resolve(name);
    }

    public String uri(String layer) {
        return layer(layer).toUri().toString();
    }

    public Path fxRates() {
        return layer(REFERENCE).resolve(FX_RATES_OBJECT);
    }

    /** The folder of the feed contracts, {@code <feed>.yaml} each. */
    public Path feeds() {
        return layer(REFERENCE).resolve(FEEDS_FOLDER);
    }

    /**
     * Publishes the shipped FX table and feed contracts to the reference location, as CDK's BucketDeployments do on
     * each deploy: a contract no longer shipped is removed, as their pruning removes it.
     */
    public void publishReference(Path shippedFxRates, Path shippedFeeds) {
        copyAtomically(shippedFxRates, fxRates());
        try (Stream<Path> published = Files.exists(feeds()) ? Files.list(feeds()) : Stream.empty();
                Stream<Path> shipped = Files.list(shippedFeeds)) {
            Set<Path> contracts = new HashSet<>();
            for (Path contract : shipped.filter(LocalLake::isContract).toList()) {
                copyAtomically(contract, feeds().resolve(contract.getFileName()));
                contracts.add(contract.getFileName());
            }
            for (Path stale : published.filter(f -> isContract(f) && !contracts.contains(f.getFileName())).toList()) {
                Files.delete(stale);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot publish the feed contracts of " + shippedFeeds, e);
        }
    }

    private static boolean isContract(Path file) {
        return file.getFileName().toString().endsWith(FeedLayout.CONTRACT_SUFFIX);
    }

    public StoredObject upload(Path file, String key) {
        Path target = layer(BRONZE).resolve(key);
        MessageDigest md5 = md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md5)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        // The put and its place in upload order happen as one step, as S3 orders the writes to one key.
        synchronized (SEQUENCER) {
            copyAtomically(file, target);
            return new StoredObject(BRONZE_BUCKET, key, sizeOf(target), HexFormat.of().formatHex(md5.digest()),
                    UUID.randomUUID().toString().replace("-", ""),
                    String.format("%016X", SEQUENCER.incrementAndGet()), Instant.now());
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read back " + file, e);
        }
    }

    private static void copyAtomically(Path source, Path target) {
        try {
            Files.createDirectories(target.getParent());
            Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".uploading");
            Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JRE", e);
        }
    }
}
