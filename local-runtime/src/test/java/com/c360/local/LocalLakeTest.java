package com.c360.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.contract.UploadOrder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalLakeTest {
    private static final String KEY = "year=2024/month=05/day=01/my purchases.csv";

    @TempDir
    Path temp;

    private static String md5Hex(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
    }

    private Path file(String name, String content) throws Exception {
        return Files.writeString(temp.resolve(name), content, StandardCharsets.UTF_8);
    }

    private List<Path> filesUnder(Path root) throws Exception {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void upload_storesTheContentUnderBronzeKey_withMd5EtagAndSize() throws Exception {
        String content = "customer_id,amount\n1,12.50\n";
        LocalLake lake = new LocalLake(temp.resolve("lake"));

        LocalLake.StoredObject stored = lake.upload(file("source.csv", content), KEY);

        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        Path target = temp.resolve("lake/bronze/year=2024/month=05/day=01/my purchases.csv");
        assertThat(target).hasContent(content);
        assertThat(stored.bucket()).isEqualTo("c360-local-bronze");
        assertThat(stored.key()).isEqualTo(KEY);
        assertThat(stored.size()).isEqualTo(bytes.length);
        assertThat(stored.eTag()).isEqualTo(md5Hex(bytes));
        assertThat(stored.versionId()).isNotBlank();
        assertThat(stored.sequencer()).isNotBlank();
    }

    @Test
    void uploadingTheSameKeyAgain_isANewVersion_whoseContentReplacesTheOld() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));

        LocalLake.StoredObject first = lake.upload(file("v1.csv", "version one\n"), KEY);
        LocalLake.StoredObject second = lake.upload(file("v2.csv", "version two, longer\n"), KEY);

        assertThat(second.versionId()).isNotEqualTo(first.versionId());
        assertThat(second.eTag()).isEqualTo(md5Hex("version two, longer\n".getBytes(StandardCharsets.UTF_8)))
                .isNotEqualTo(first.eTag());
        assertThat(temp.resolve("lake/bronze").resolve(KEY)).hasContent("version two, longer\n");
    }

    @Test
    void uploadingIdenticalContentAgain_keepsTheEtag_butIsStillANewVersion() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        Path source = file("same.csv", "same bytes\n");

        LocalLake.StoredObject first = lake.upload(source, KEY);
        LocalLake.StoredObject second = lake.upload(source, KEY);

        assertThat(second.eTag()).isEqualTo(first.eTag());
        assertThat(second.versionId()).isNotEqualTo(first.versionId());
    }

    @Test
    void uploads_leaveNoPartialFilesBehind_andDoNotTouchTheSource() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        Path source = file("source.csv", "a,b\n1,2\n");

        lake.upload(source, KEY);
        lake.upload(source, "incoming/other.csv");
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Files.writeString(feeds.resolve("shop.yaml"), "version: 1\n");
        lake.publishReference(file("rates.csv", "currency,rate_date,aud_per_unit\n"), feeds);

        assertThat(filesUnder(temp.resolve("lake"))).containsExactlyInAnyOrder(
                temp.resolve("lake/bronze").resolve(KEY),
                temp.resolve("lake/bronze/incoming/other.csv"),
                temp.resolve("lake/reference/fx_rates_aud.csv"),
                temp.resolve("lake/reference/feeds/shop.yaml"));
        assertThat(source).hasContent("a,b\n1,2\n");
    }

    @Test
    void republishedReference_dropsAContractNoLongerShipped_andKeepsOnlyContracts() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        Path rates = file("rates.csv", "currency,rate_date,aud_per_unit\n");
        Path feeds = Files.createDirectories(temp.resolve("feeds"));
        Files.writeString(feeds.resolve("old.yaml"), "version: 1\n");
        Files.writeString(feeds.resolve("README.md"), "notes\n");
        lake.publishReference(rates, feeds);

        Files.delete(feeds.resolve("old.yaml"));
        Files.writeString(feeds.resolve("new.yaml"), "version: 1\n");
        lake.publishReference(rates, feeds);

        assertThat(filesUnder(lake.feeds())).containsExactly(lake.feeds().resolve("new.yaml"));
    }

    @Test
    void uploadsOneAfterAnother_getStrictlyIncreasingUploadOrders() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        Path source = file("source.csv", "a\n");

        List<String> orders = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            // Alternating keys: the order is one across the bucket, not per key.
            LocalLake.StoredObject stored = lake.upload(source, i % 2 == 0 ? KEY : "other.csv");
            orders.add(UploadOrder.of(stored.eventTime(), stored.sequencer()));
        }

        assertThat(orders).doesNotHaveDuplicates().isSorted();
    }

    @Test
    void concurrentUploads_getDistinctUploadOrders_inTheOrderOfTheirSequencers() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        Path source = file("source.csv", "a\n");

        List<LocalLake.StoredObject> stored = concurrently(8, 25, thread -> lake.upload(source, KEY));

        List<LocalLake.StoredObject> bySequencer = stored.stream()
                .sorted(Comparator.comparing(LocalLake.StoredObject::sequencer)).toList();
        List<String> orders = bySequencer.stream()
                .map(object -> UploadOrder.of(object.eventTime(), object.sequencer())).toList();
        assertThat(orders).as("event time never goes back as the sequencer goes up").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void concurrentUploadsOfTheSameKey_leaveOneWholeObject_theOneLatestInUploadOrder() throws Exception {
        LocalLake lake = new LocalLake(temp.resolve("lake"));
        int threads = 6;
        List<Path> sources = new ArrayList<>();
        for (int thread = 0; thread < threads; thread++) {
            // Large enough that a copy is many writes, so an interleaving would show in the content.
            sources.add(file("source-" + thread + ".csv", String.valueOf((char) ('a' + thread)).repeat(1 << 20)));
        }

        List<LocalLake.StoredObject> stored = concurrently(threads, 5, thread -> lake.upload(sources.get(thread), KEY));

        LocalLake.StoredObject latest = stored.stream()
                .max(Comparator.comparing(object -> UploadOrder.of(object.eventTime(), object.sequencer())))
                .orElseThrow();
        Path left = temp.resolve("lake/bronze").resolve(KEY);
        assertThat(sources).anySatisfy(source -> assertThat(left).hasSameBinaryContentAs(source));
        assertThat(md5Hex(Files.readAllBytes(left))).isEqualTo(latest.eTag());
        assertThat(filesUnder(temp.resolve("lake"))).containsExactly(temp.resolve("lake/bronze").resolve(KEY));
    }

    private interface Upload {
        LocalLake.StoredObject run(int thread) throws Exception;
    }

    /** Each of {@code threads} threads, released together, makes {@code perThread} uploads; returns them all. */
    private static List<LocalLake.StoredObject> concurrently(int threads, int perThread, Upload upload)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<LocalLake.StoredObject>>> results = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                int id = thread;
                Callable<List<LocalLake.StoredObject>> uploads = () -> {
                    start.await();
                    List<LocalLake.StoredObject> made = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        made.add(upload.run(id));
                    }
                    return made;
                };
                results.add(pool.submit(uploads));
            }
            start.countDown();
            List<LocalLake.StoredObject> all = new ArrayList<>();
            for (Future<List<LocalLake.StoredObject>> result : results) {
                all.addAll(result.get());
            }
            assertThat(all).hasSize(threads * perThread);
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
