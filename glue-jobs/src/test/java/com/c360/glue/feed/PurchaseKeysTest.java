package com.c360.glue.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PurchaseKeysTest {
    private static final BigInteger TEN_TO_18 = BigInteger.TEN.pow(18);
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);

    /** The documented formula, in BigInteger arithmetic: 10^18 + (first 8 bytes, unsigned) mod (2^63 - 10^18). */
    private static long oracle(String feed, String... parts) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (String text : concat(feed, parts)) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            int n = bytes.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(bytes);
        }
        byte[] digest = sha.digest();
        BigInteger unsigned = new BigInteger(1, java.util.Arrays.copyOf(digest, 8));
        return TEN_TO_18.add(unsigned.mod(TWO_TO_63.subtract(TEN_TO_18))).longValueExact();
    }

    private static List<String> concat(String first, String... rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(List.of(rest));
        return all;
    }

    @Test
    void derivedId_followsTheDocumentedFormula() throws Exception {
        assertThat(PurchaseKeys.derive("online-retail", List.of("536365", "85123A")))
                .isEqualTo(oracle("online-retail", "536365", "85123A"));
        assertThat(PurchaseKeys.derive("f", List.of("é", ""))).isEqualTo(oracle("f", "é", ""));
    }

    @Test
    void derivedIds_lieAboveEveryPlainId_andStayInABigint() {
        for (int i = 0; i < 5000; i++) {
            long id = PurchaseKeys.derive("online-retail", List.of(Integer.toString(536365 + i), "S" + i));
            assertThat(id).isBetween(1_000_000_000_000_000_000L, Long.MAX_VALUE);
            assertThat(PurchaseKeys.isDerived(id)).isTrue();
        }
        assertThat(PurchaseKeys.isDerived(999_999_999_999_999_999L)).isFalse();
    }

    @Test
    void partsThatConcatenateAlike_andOtherFeeds_giveOtherIds() {
        Set<Long> ids = new HashSet<>(List.of(
                PurchaseKeys.derive("a", List.of("ab", "c")),
                PurchaseKeys.derive("a", List.of("a", "bc")),
                PurchaseKeys.derive("a", List.of("abc")),
                PurchaseKeys.derive("b", List.of("ab", "c"))));

        assertThat(ids).hasSize(4);
    }
}
