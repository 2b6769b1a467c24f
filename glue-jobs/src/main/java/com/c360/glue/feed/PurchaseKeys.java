package com.c360.glue.feed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The canonical {@code purchase_id} (a BIGINT) of a purchase whose key is a combination of columns or not a number,
 * e.g. an invoice line {@code (536365, 85123A)}.
 *
 * <p>The id is {@code DERIVED_MIN + (u mod SPAN)}, where {@code u} is the first 8 bytes (big-endian, unsigned) of
 * SHA-256 over the feed name and then each key part, each written as its UTF-8 length (4 bytes, big-endian) and its
 * UTF-8 bytes. The length prefixes keep {@code ("ab","c")} and {@code ("a","bc")} apart; the feed name keeps equal keys
 * of two feeds apart (so renaming a feed changes its ids). Plain numeric ids have at most 18 digits, so they lie below
 * {@code DERIVED_MIN = 10^18} and the two ranges never meet in silver.
 *
 * <p>Collision bound: the range holds {@code SPAN = 2^63 - 10^18 ≈ 8.22e18} ids, so n distinct keys collide with
 * probability at most {@code n(n-1) / (2 SPAN)}: about 6e-8 for a million keys, 6e-6 for ten million, 6e-4 for a
 * hundred million. A collision makes two lines one purchase (the later upload's replaces the other); within one file
 * it shows as a {@code conflicting_duplicate} in quarantine, not as a silent loss.
 */
public final class PurchaseKeys {
    public static final long DERIVED_MIN = 1_000_000_000_000_000_000L;
    static final long SPAN = Long.MAX_VALUE - DERIVED_MIN + 1;
    /** One digest per thread: looking the algorithm up costs more than hashing a key. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(PurchaseKeys::sha256);

    private PurchaseKeys() {
    }

    public static long derive(String feed, List<String> parts) {
        MessageDigest sha256 = SHA256.get();
        sha256.reset();
        update(sha256, feed);
        parts.forEach(part -> update(sha256, part));
        long unsigned = ByteBuffer.wrap(sha256.digest()).getLong();
        return DERIVED_MIN + Long.remainderUnsigned(unsigned, SPAN);
    }

    public static boolean isDerived(long purchaseId) {
        return purchaseId >= DERIVED_MIN;
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
