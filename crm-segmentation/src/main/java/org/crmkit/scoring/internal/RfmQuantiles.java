package org.crmkit.scoring.internal;

import java.util.Arrays;

/**
 * Quantile scores of one dimension by rank, ties sharing the score of their first rank. Values are ranked ascending;
 * a value whose {@code below} customers have a strictly smaller value scores {@code floor(q · below / n) + 1}. So
 * equal values always score the same, a larger value never scores less, and every score lies in {@code 1..q}.
 *
 * <p>The ranking is a stable least-significant-digit radix sort on the value's offset from the minimum, one pass per
 * significant byte of the range: {@code O(n)} per pass, no boxing, no comparator. Stateless and thread-safe.
 */
public final class RfmQuantiles {
    private static final int RADIX = 256;

    private RfmQuantiles() {
    }

    /**
     * The score ({@code 1..quantiles}) of each of the first {@code n} values that is present, ranked among the present
     * values only; 0 for a value that is not.
     *
     * @param values    the values; only the first {@code n} are read, none is modified
     * @param present   whether each value is present
     * @param n         how many values to score
     * @param quantiles the number of quantiles, {@code q ≥ 1}
     */
    public static byte[] scores(long[] values, boolean[] present, int n, int quantiles) {
        int k = 0;
        for (int i = 0; i < n; i++) {
            k += present[i] ? 1 : 0;
        }
        if (k == n) {
            return scores(values, n, quantiles);
        }
        long[] packed = new long[k];
        for (int i = 0, j = 0; i < n; i++) {
            if (present[i]) {
                packed[j++] = values[i];
            }
        }
        byte[] packedScores = scores(packed, k, quantiles);
        byte[] scores = new byte[n];
        for (int i = 0, j = 0; i < n; i++) {
            if (present[i]) {
                scores[i] = packedScores[j++];
            }
        }
        return scores;
    }

    /**
     * The score ({@code 1..quantiles}) of each of the first {@code n} values.
     *
     * @param values    the values; only the first {@code n} are read, none is modified
     * @param n         how many values to score
     * @param quantiles the number of quantiles, {@code q ≥ 1}
     */
    public static byte[] scores(long[] values, int n, int quantiles) {
        byte[] scores = new byte[n];
        if (n == 0) {
            return scores;
        }
        long min = values[0];
        long max = values[0];
        for (int i = 1; i < n; i++) {
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        long[] keys = new long[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            keys[i] = values[i] - min;
            order[i] = i;
        }
        int passes = (Long.SIZE - Long.numberOfLeadingZeros(max - min) + Byte.SIZE - 1) / Byte.SIZE;
        long[] keysOut = new long[n];
        int[] orderOut = new int[n];
        int[] starts = new int[RADIX + 1];
        for (int pass = 0; pass < passes; pass++) {
            int shift = pass * Byte.SIZE;
            Arrays.fill(starts, 0);
            for (int i = 0; i < n; i++) {
                starts[((int) (keys[i] >>> shift) & 0xFF) + 1]++;
            }
            for (int b = 0; b < RADIX; b++) {
                starts[b + 1] += starts[b];
            }
            for (int i = 0; i < n; i++) {
                int p = starts[(int) (keys[i] >>> shift) & 0xFF]++;
                keysOut[p] = keys[i];
                orderOut[p] = order[i];
            }
            long[] k = keys;
            keys = keysOut;
            keysOut = k;
            int[] o = order;
            order = orderOut;
            orderOut = o;
        }
        int below = 0;
        for (int p = 0; p < n; p++) {
            if (p > 0 && keys[p] != keys[p - 1]) {
                below = p;
            }
            scores[order[p]] = (byte) ((long) below * quantiles / n + 1);
        }
        return scores;
    }
}
