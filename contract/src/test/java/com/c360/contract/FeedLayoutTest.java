package com.c360.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FeedLayoutTest {
    private static final Set<String> KNOWN = Set.of("default", "online-retail");

    @Test
    void keyUnderAKnownFeedFolder_belongsToThatFeed() {
        assertThat(FeedLayout.feedOf("online-retail/year=2011/month=12/day=01/a.csv", KNOWN)).isEqualTo("online-retail");
    }

    @Test
    void seedLayoutKeys_andUnknownFolders_belongToTheDefaultFeed() {
        assertThat(FeedLayout.feedOf("year=2026/month=11/day=22/p.csv", KNOWN)).isEqualTo("default");
        assertThat(FeedLayout.feedOf("incoming/p.csv", KNOWN)).isEqualTo("default");
        assertThat(FeedLayout.feedOf("p.csv", KNOWN)).isEqualTo("default");
        assertThat(FeedLayout.feedOf("Online-Retail/p.csv", KNOWN)).isEqualTo("default");
    }

    @Test
    void bronzeKey_ofAFeed_putsTheFeedFolderBeforeTheDateFolders_andTheDefaultFeedKeepsTheSeedKey() {
        LocalDate day = LocalDate.of(2011, 12, 1);
        assertThat(FeedLayout.bronzeKey("online-retail", day, "a.csv"))
                .isEqualTo("online-retail/year=2011/month=12/day=01/a.csv");
        assertThat(FeedLayout.bronzeKey("default", day, "a.csv")).isEqualTo("year=2011/month=12/day=01/a.csv");
        assertThat(FeedLayout.underFeed("online-retail", "incoming/a.csv")).isEqualTo("online-retail/incoming/a.csv");
        assertThat(FeedLayout.feedOf(FeedLayout.underFeed("online-retail", "incoming/a.csv"), KNOWN))
                .isEqualTo("online-retail");
    }

    @Test
    void contractFile_isTheFeedNameWithYamlSuffix_inTheFeedsFolder() {
        assertThat(FeedLayout.contractFile("s3://ref/feeds", "online-retail")).isEqualTo("s3://ref/feeds/online-retail.yaml");
        assertThat(FeedLayout.contractFile("file:/repo/feeds/", "default")).isEqualTo("file:/repo/feeds/default.yaml");
    }

    @Test
    void invalidFeedNames_areRejected() {
        assertThat(FeedLayout.isValidFeedName("year=2026")).isFalse();
        assertThat(FeedLayout.isValidFeedName("-x")).isFalse();
        assertThat(FeedLayout.isValidFeedName("a/b")).isFalse();
        assertThatThrownBy(() -> FeedLayout.contractFile("r", "../etc")).hasMessageContaining("'../etc'");
    }
}
