package com.c360.contract;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How a bronze object finds its feed contract. A feed is named by the first folder of the key
 * ({@code online-retail/year=2026/month=01/day=02/x.csv}); a key whose first folder is not a known feed (the seed
 * layout's {@code year=.../} and {@code incoming/} keys) belongs to the {@link #DEFAULT_FEED}. The contract of feed
 * {@code F} is the file {@code F.yaml} in the feeds folder: {@code feeds/} of the repository locally, the same files
 * under the reference bucket on AWS ({@link JobArgument#FEEDS_PATH}).
 */
public final class FeedLayout {
    public static final String DEFAULT_FEED = "default";
    public static final String CONTRACT_SUFFIX = ".yaml";
    /**
     * Lower-case letters, digits and inner hyphens: a path segment on every store, and never a {@code name=value}
     * partition folder, so a date folder cannot be mistaken for a feed.
     */
    public static final Pattern FEED_NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");

    private FeedLayout() {
    }

    public static boolean isValidFeedName(String name) {
        return name != null && FEED_NAME.matcher(name).matches();
    }

    /** The feed of a bronze key, given the feeds that have a contract. */
    public static String feedOf(String bronzeKey, Set<String> knownFeeds) {
        int slash = bronzeKey.indexOf('/');
        if (slash <= 0) {
            return DEFAULT_FEED;
        }
        String first = bronzeKey.substring(0, slash);
        return knownFeeds.contains(first) && isValidFeedName(first) ? first : DEFAULT_FEED;
    }

    /** The contract file of {@code feed} in the feeds folder {@code feedsRoot}. */
    public static String contractFile(String feedsRoot, String feed) {
        requireValid(feed);
        return (feedsRoot.endsWith("/") ? feedsRoot : feedsRoot + "/") + feed + CONTRACT_SUFFIX;
    }

    /**
     * The bronze key under which {@code fileName} of {@code feed} is ingested on {@code day}; the default feed keeps
     * the seed layout's key without a feed folder.
     */
    public static String bronzeKey(String feed, LocalDate day, String fileName) {
        return underFeed(feed, LakeLayout.bronzeKey(day, fileName));
    }

    /** {@code key} in {@code feed}'s folder ({@code incoming/a.csv} -> {@code online-retail/incoming/a.csv}). */
    public static String underFeed(String feed, String key) {
        requireValid(feed);
        return feed.equals(DEFAULT_FEED) ? key : feed + "/" + key;
    }

    private static void requireValid(String feed) {
        if (!isValidFeedName(feed)) {
            throw new IllegalArgumentException("'" + feed + "' is not a feed name (" + FEED_NAME.pattern() + ")");
        }
    }
}
