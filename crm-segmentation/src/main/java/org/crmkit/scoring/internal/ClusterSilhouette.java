package org.crmkit.scoring.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The mean silhouette of a clustering (Rousseeuw 1987) with Euclidean distances: for point {@code i},
 * {@code s(i) = (b − a) / max(a, b)} where {@code a} is its mean distance to the other points of its cluster and
 * {@code b} the smallest mean distance to the points of another cluster; a point alone in its cluster scores 0, and
 * with fewer than two non-empty clusters the silhouette is 0. Exact (every point against every point, {@code O(n²)})
 * for up to {@code exactLimit} points; above, the mean over {@code sampleSize} points drawn without replacement by a
 * generator seeded with {@code seed}, each still against every point ({@code O(sampleSize · n)}). Stateless and
 * thread-safe.
 */
public final class ClusterSilhouette {
    private ClusterSilhouette() {
    }

    public static double mean(double[][] points, int[] assignment, int k, int exactLimit, int sampleSize, long seed) {
        int n = points.length;
        int[] sizes = new int[k];
        for (int c : assignment) {
            sizes[c]++;
        }
        int nonEmpty = 0;
        for (int size : sizes) {
            nonEmpty += size > 0 ? 1 : 0;
        }
        if (nonEmpty < 2) {
            return 0;
        }
        int[] sample = sample(n, n <= exactLimit ? n : Math.min(sampleSize, n), seed);
        double total = 0;
        double[] sums = new double[k];
        for (int i : sample) {
            Arrays.fill(sums, 0);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sums[assignment[j]] += Math.sqrt(KMeansLloyd.squaredDistance(points[i], points[j]));
                }
            }
            total += silhouette(assignment[i], sums, sizes);
        }
        return total / sample.length;
    }

    private static double silhouette(int own, double[] sums, int[] sizes) {
        if (sizes[own] < 2) {
            return 0;
        }
        double a = sums[own] / (sizes[own] - 1);
        double b = Double.POSITIVE_INFINITY;
        for (int c = 0; c < sizes.length; c++) {
            if (c != own && sizes[c] > 0) {
                b = Math.min(b, sums[c] / sizes[c]);
            }
        }
        double scale = Math.max(a, b);
        return scale > 0 ? (b - a) / scale : 0;
    }

    /** {@code m} distinct indices of {@code 0..n-1}: all of them in order when {@code m == n}. */
    private static int[] sample(int n, int m, long seed) {
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = i;
        }
        if (m < n) {
            SplittableRandom random = new SplittableRandom(seed);
            for (int i = 0; i < m; i++) {
                int j = i + random.nextInt(n - i);
                int t = indices[i];
                indices[i] = indices[j];
                indices[j] = t;
            }
        }
        return Arrays.copyOf(indices, m);
    }
}
