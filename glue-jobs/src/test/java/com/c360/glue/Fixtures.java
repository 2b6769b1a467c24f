package com.c360.glue;

import com.c360.contract.FeedLayout;
import com.c360.glue.feed.FeedContract;
import com.c360.glue.feed.FeedContractLoader;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Named test files under src/test/resources/fixtures, and the feed contracts the repository ships. */
public final class Fixtures {
    /** The repository's {@code feeds/}, as deployed: the tests run in the module's folder. */
    public static final Path SHIPPED_FEEDS = Path.of("..", "feeds").toAbsolutePath().normalize();
    private Fixtures() {
    }

    public static InputStream open(String name) {
        InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        return in;
    }

    /** The shipped contract of {@code feed}. */
    public static FeedContract shippedContract(String feed) {
        return FeedContractLoader.load(SHIPPED_FEEDS.resolve(feed + FeedLayout.CONTRACT_SUFFIX));
    }

    /** The {@code --feeds_path} of a job run against the shipped contracts. */
    public static String shippedFeedsUri() {
        return SHIPPED_FEEDS.toUri().toString();
    }

    public static Path path(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }
}
