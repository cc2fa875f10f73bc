package org.crmkit.scoring.internal;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * One k-means run: k-means++ seeding, then Lloyd iterations (assign each point to its nearest centre, move each
 * centre to the mean of its points) until no point changes cluster, no centre moves by more than the tolerance, or the
 * iteration limit. A cluster left empty by an assignment is given the point farthest from its centre (among clusters
 * of more than one point), which can only lower the inertia. Requires at least {@code k} distinct points. Stateless
 * and thread-safe.
 */
public final class KMeansLloyd {
    private KMeansLloyd() {
    }

    /**
     * Runs k-means on {@code points} (standardised, at least {@code k} distinct).
     *
     * @param tolerance the largest centre move, in standardised units, still counted as converged
     */
    public static KMeansRun run(double[][] points, int k, SplittableRandom random, int maxIterations,
                                double tolerance) {
        int n = points.length;
        double[][] centres = seed(points, k, random);
        int[] assignment = new int[n];
        Arrays.fill(assignment, -1);
        double[] distances = new double[n];
        double[] history = new double[maxIterations + 1];
        int iterations = 0;
        boolean converged = false;
        while (iterations < maxIterations && !converged) {
            int changed = assign(points, centres, assignment, distances);
            fillEmpty(points, centres, assignment, distances);
            history[iterations++] = sum(distances);
            double[][] moved = means(points, assignment, centres);
            converged = changed == 0 || largestMove(centres, moved) <= tolerance * tolerance;
            centres = moved;
        }
        assign(points, centres, assignment, distances);
        double inertia = sum(distances);
        history[iterations] = inertia;
        return new KMeansRun(centres, assignment, inertia, iterations, converged,
                Arrays.copyOf(history, iterations + 1));
    }

    /** The index of the centre nearest to {@code point}, the lowest index among equally near ones. */
    public static int nearest(double[] point, double[][] centres) {
        int best = 0;
        double bestDistance = squaredDistance(point, centres[0]);
        for (int c = 1; c < centres.length; c++) {
            double d = squaredDistance(point, centres[c]);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best;
    }

    public static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            double diff = a[j] - b[j];
            sum += diff * diff;
        }
        return sum;
    }

    /** k-means++: the first centre uniformly, each next one with probability proportional to D² to the chosen. */
    private static double[][] seed(double[][] points, int k, SplittableRandom random) {
        int n = points.length;
        double[][] centres = new double[k][];
        centres[0] = points[random.nextInt(n)].clone();
        double[] d2 = new double[n];
        for (int i = 0; i < n; i++) {
            d2[i] = squaredDistance(points[i], centres[0]);
        }
        for (int c = 1; c < k; c++) {
            double total = sum(d2);
            if (!(total > 0)) {
                throw new IllegalStateException("fewer distinct points than clusters");
            }
            double target = random.nextDouble() * total;
            int chosen = -1;
            double cumulative = 0;
            for (int i = 0; i < n && (chosen < 0 || cumulative <= target); i++) {
                if (d2[i] > 0) {
                    cumulative += d2[i];
                    chosen = i;
                }
            }
            centres[c] = points[chosen].clone();
            for (int i = 0; i < n; i++) {
                d2[i] = Math.min(d2[i], squaredDistance(points[i], centres[c]));
            }
        }
        return centres;
    }

    private static int assign(double[][] points, double[][] centres, int[] assignment, double[] distances) {
        int changed = 0;
        for (int i = 0; i < points.length; i++) {
            int c = nearest(points[i], centres);
            if (c != assignment[i]) {
                assignment[i] = c;
                changed++;
            }
            distances[i] = squaredDistance(points[i], centres[c]);
        }
        return changed;
    }

    private static void fillEmpty(double[][] points, double[][] centres, int[] assignment, double[] distances) {
        int[] sizes = new int[centres.length];
        for (int c : assignment) {
            sizes[c]++;
        }
        for (int empty = 0; empty < centres.length; empty++) {
            if (sizes[empty] == 0) {
                int farthest = -1;
                for (int i = 0; i < points.length; i++) {
                    if (sizes[assignment[i]] > 1 && (farthest < 0 || distances[i] > distances[farthest])) {
                        farthest = i;
                    }
                }
                sizes[assignment[farthest]]--;
                sizes[empty] = 1;
                assignment[farthest] = empty;
                centres[empty] = points[farthest].clone();
                distances[farthest] = 0;
            }
        }
    }

    private static double[][] means(double[][] points, int[] assignment, double[][] previous) {
        int k = previous.length;
        int d = points[0].length;
        double[][] sums = new double[k][d];
        int[] sizes = new int[k];
        for (int i = 0; i < points.length; i++) {
            int c = assignment[i];
            sizes[c]++;
            for (int j = 0; j < d; j++) {
                sums[c][j] += points[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            if (sizes[c] == 0) {
                sums[c] = previous[c].clone();
            } else {
                for (int j = 0; j < d; j++) {
                    sums[c][j] /= sizes[c];
                }
            }
        }
        return sums;
    }

    private static double largestMove(double[][] from, double[][] to) {
        double largest = 0;
        for (int c = 0; c < from.length; c++) {
            largest = Math.max(largest, squaredDistance(from[c], to[c]));
        }
        return largest;
    }

    private static double sum(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum;
    }
}
