package com.c360.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The small parsers and statistics the benchmark's measurements rest on. */
class BenchProbesTest {

    @Test
    void percentile_isNearestRank() {
        double[] millis = new double[100];
        for (int i = 0; i < millis.length; i++) {
            millis[i] = 100 - i;
        }

        assertThat(TopSpendersLatency.percentile(millis, 50)).isEqualTo(50.0);
        assertThat(TopSpendersLatency.percentile(millis, 95)).isEqualTo(95.0);
        assertThat(TopSpendersLatency.percentile(new double[] {7.0}, 95)).isEqualTo(7.0);
    }

    @Test
    void peakRss_fromStatusLines_isKibInBytes() {
        List<String> status = List.of("Name:\tjava", "VmPeak:\t 9000 kB", "VmHWM:\t  123456 kB", "VmRSS:\t 100 kB");

        assertThat(PeakRss.parse(status)).hasValue(123_456L * 1024);
        assertThat(PeakRss.parse(List.of("started=1"))).isEmpty();
    }

    @Test
    void peakRss_ofThisProcess_isAtLeastItsHeapInUse() {
        Runtime runtime = Runtime.getRuntime();

        assertThat(PeakRss.ofThisProcess()).isPresent();
        assertThat(PeakRss.ofThisProcess().getAsLong()).isGreaterThan(runtime.totalMemory() - runtime.freeMemory());
    }
}
