package com.c360.glue.silver;

import static org.assertj.core.api.Assertions.assertThat;

import com.c360.glue.silver.SilverMerge.KeyRange;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;

class KeyRangeTest {
    @Test
    void span_ofTwoRanges_holdsBoth() {
        assertThat(new KeyRange(5, 9).span(new KeyRange(1, 3))).isEqualTo(new KeyRange(1, 9));
        assertThat(new KeyRange(1, 3).span(new KeyRange(2, 2))).isEqualTo(new KeyRange(1, 3));
    }

    @Test
    void span_withAnUploadWithoutPurchases_isTheOtherRange() {
        assertThat(KeyRange.NONE.span(new KeyRange(7, 8))).isEqualTo(new KeyRange(7, 8));
        assertThat(new KeyRange(7, 8).span(KeyRange.NONE)).isEqualTo(new KeyRange(7, 8));
        assertThat(KeyRange.NONE.span(KeyRange.NONE).isEmpty()).isTrue();
    }

    @Test
    void ofAggregateRow_nullsMeanNoPurchase() {
        assertThat(KeyRange.of(RowFactory.create("valid", null, null), 1)).isEqualTo(KeyRange.NONE);
        assertThat(KeyRange.of(RowFactory.create("valid", 3L, 11L), 1)).isEqualTo(new KeyRange(3, 11));
    }

    @Test
    void contains_isABetweenOfTheTwoNumbers_andNothingForNone() {
        assertThat(new KeyRange(3, 11).contains("t.purchase_id")).isEqualTo("t.purchase_id BETWEEN 3 AND 11");
        assertThat(KeyRange.NONE.contains("purchase_id")).isEqualTo("purchase_id BETWEEN 1 AND 0");
    }
}
