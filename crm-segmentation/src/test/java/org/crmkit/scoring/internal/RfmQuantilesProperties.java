package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** The radix ranking against the rule it implements, computed the slow way. */
class RfmQuantilesProperties {
    @Provide
    Arbitrary<List<Long>> values() {
        Arbitrary<Long> value = Arbitraries.oneOf(
                Arbitraries.longs().between(-3, 3),
                Arbitraries.longs(),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 255L, 256L, 65_536L));
        return value.list().ofMaxSize(300);
    }

    @Property(tries = 500)
    void scores_equalTheFirstRankOfEachTieGroup(@ForAll("values") List<Long> values,
                                                @ForAll @IntRange(min = 1, max = 10) int quantiles) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();

        byte[] scores = RfmQuantiles.scores(array, array.length, quantiles);

        for (int i = 0; i < array.length; i++) {
            long below = 0;
            for (long other : array) {
                if (other < array[i]) {
                    below++;
                }
            }
            assertThat(scores[i]).as("score of value %d", array[i]).isEqualTo((byte) (below * quantiles / array.length + 1));
        }
    }

    @Property(tries = 300)
    void scores_withMissingValues_rankThePresentOnesAmongThemselves_andGiveTheOthersZero(
            @ForAll("values") List<Long> values, @ForAll long presentBits,
            @ForAll @IntRange(min = 1, max = 10) int quantiles) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        boolean[] present = new boolean[array.length];
        for (int i = 0; i < present.length; i++) {
            present[i] = i >= Long.SIZE || (presentBits >>> i & 1) == 1;
        }
        long[] kept = java.util.stream.IntStream.range(0, array.length).filter(i -> present[i])
                .mapToLong(i -> array[i]).toArray();

        byte[] scores = RfmQuantiles.scores(array, present, array.length, quantiles);
        byte[] keptScores = RfmQuantiles.scores(kept, kept.length, quantiles);

        for (int i = 0, k = 0; i < array.length; i++) {
            assertThat(scores[i]).isEqualTo(present[i] ? keptScores[k++] : 0);
        }
    }

    @Property(tries = 200)
    void scores_readOnlyTheFirstNValues(@ForAll("values") List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        long[] padded = java.util.Arrays.copyOf(array, array.length + 5);
        java.util.Arrays.fill(padded, array.length, padded.length, Long.MIN_VALUE);

        assertThat(RfmQuantiles.scores(padded, array.length, 5)).isEqualTo(RfmQuantiles.scores(array, array.length, 5));
    }
}
