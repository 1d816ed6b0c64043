package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** What a node shows for a few seconds: read once within its time, again after it, nothing kept for "not found". */
class ShortLivedTest {

    @Test
    void aValueIsReadOnceWithinItsTimeAndPerKey() {
        ShortLived<String, String> names = new ShortLived<>(Duration.ofHours(1), 10);
        AtomicInteger reads = new AtomicInteger();
        assertThat(names.get("fgj", () -> "县发展改革局" + reads.incrementAndGet())).isEqualTo("县发展改革局1");
        assertThat(names.get("fgj", () -> "县发展改革局" + reads.incrementAndGet())).isEqualTo("县发展改革局1");
        assertThat(names.get("sfj", () -> "县司法局" + reads.incrementAndGet())).isEqualTo("县司法局2");
        names.clear();
        assertThat(names.get("fgj", () -> "改名后" + reads.incrementAndGet())).isEqualTo("改名后3");
    }

    @Test
    void anOldValueIsReadAgain() {
        ShortLived<String, Integer> values = new ShortLived<>(Duration.ZERO, 10);
        AtomicInteger reads = new AtomicInteger();
        values.get("k", reads::incrementAndGet);
        assertThat(values.get("k", reads::incrementAndGet)).isEqualTo(2);
    }

    @Test
    void notFoundIsNotKeptAndAFullMapStartsAgain() {
        ShortLived<Integer, String> values = new ShortLived<>(Duration.ofHours(1), 2);
        assertThat(values.get(1, () -> null)).isNull();
        assertThat(values.get(1, () -> "now there")).isEqualTo("now there");
        values.get(2, () -> "b");
        values.get(3, () -> "c"); // full: cleared, then kept
        assertThat(values.get(1, () -> "read again")).isEqualTo("read again");
        assertThat(values.get(3, () -> "not read")).isEqualTo("c");
    }
}
