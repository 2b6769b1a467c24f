package com.c360.glue.feed;

import com.c360.contract.FeedLayout;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/** Finds the contract of a bronze object in the feeds folder the job was given (S3 on AWS, a local folder here). */
public final class FeedContracts {
    private FeedContracts() {
    }

    /** The contract of the feed {@code bronzeKey} belongs to ({@link FeedLayout#feedOf}). */
    public static FeedContract forKey(String feedsPath, String bronzeKey, Configuration conf) {
        String feed = FeedLayout.feedOf(bronzeKey, knownFeeds(feedsPath, conf));
        String file = FeedLayout.contractFile(feedsPath, feed);
        Path path = new Path(file);
        try (InputStream in = path.getFileSystem(conf).open(path)) {
            return FeedContractLoader.load(in, file, feed);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the contract of feed '" + feed + "' at " + file, e);
        }
    }

    private static Set<String> knownFeeds(String feedsPath, Configuration conf) {
        Path folder = new Path(feedsPath);
        Set<String> feeds = new HashSet<>();
        try {
            FileSystem fs = folder.getFileSystem(conf);
            for (FileStatus file : fs.listStatus(folder)) {
                String name = file.getPath().getName();
                if (file.isFile() && name.endsWith(FeedLayout.CONTRACT_SUFFIX)) {
                    feeds.add(name.substring(0, name.length() - FeedLayout.CONTRACT_SUFFIX.length()));
                }
            }
        } catch (FileNotFoundException e) {
            throw new UncheckedIOException("No feed contracts at " + feedsPath, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the feed contracts at " + feedsPath, e);
        }
        return feeds;
    }
}
