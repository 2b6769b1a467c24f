package com.c360.glue.feed;

import com.c360.glue.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The contracts shipped in {@code feeds/}, and variants of them with one text replaced. */
final class TestContracts {
    static final Path FEEDS = Fixtures.SHIPPED_FEEDS;

    private TestContracts() {
    }

    static FeedContract shipped(String feed) {
        return Fixtures.shippedContract(feed);
    }

    /** {@code replacements}: text, its replacement, text, its replacement, ... */
    static FeedContract variant(String feed, String... replacements) {
        try {
            String yaml = Files.readString(FEEDS.resolve(feed + ".yaml"));
            for (int i = 0; i < replacements.length; i += 2) {
                if (!yaml.contains(replacements[i])) {
                    throw new IllegalArgumentException(feed + ".yaml has no '" + replacements[i] + "'");
                }
                yaml = yaml.replace(replacements[i], replacements[i + 1]);
            }
            return FeedContractLoader.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                    feed + " variant", feed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
