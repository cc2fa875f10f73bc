package org.crmkit.scoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.crmkit.scoring.internal.ClusterSilhouette;
import org.crmkit.scoring.internal.ClusterStandardisation;
import org.crmkit.scoring.internal.KMeansLloyd;
import org.crmkit.scoring.internal.KMeansRun;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * Finds typical customer profiles with k-means. Each feature column is standardised to z-scores first (a constant
 * column becomes 0 and plays no part); each of {@link Builder#restarts restarts} runs seeds its centres with
 * k-means++ and iterates Lloyd's algorithm until no customer changes cluster, no centre moves by more than
 * {@link Builder#tolerance the tolerance} (in standard deviations), or {@link Builder#maxIterations the iteration
 * limit}; the run with the lowest inertia wins (the earliest on a tie). All randomness comes from a
 * {@link SplittableRandom} seeded with the explicit seed, so the same input, options and seed give the same model.
 *
 * <p>The model's silhouette is computed exactly when there are at most {@link Builder#silhouetteExactLimit} rows
 * ({@code O(n²)} distances), otherwise as the mean over {@link Builder#silhouetteSampleSize} rows sampled with the
 * same seed (each against all rows).
 *
 * <p>Immutable and thread-safe; {@link #fit} may run concurrently.
 */
public final class Clustering {
    public static final int DEFAULT_RESTARTS = 10;
    public static final int DEFAULT_MAX_ITERATIONS = 300;
    public static final double DEFAULT_TOLERANCE = 1e-6;
    public static final int DEFAULT_SILHOUETTE_EXACT_LIMIT = 2_000;
    public static final int DEFAULT_SILHOUETTE_SAMPLE_SIZE = 1_000;
    private static final int MAX_FEATURES = 1_000;

    private final int clusters;
    private final long seed;
    private final int restarts;
    private final int maxIterations;
    private final double tolerance;
    private final int silhouetteExactLimit;
    private final int silhouetteSampleSize;

    private Clustering(Builder b) {
        this.clusters = b.clusters;
        this.seed = b.seed;
        this.restarts = b.restarts;
        this.maxIterations = b.maxIterations;
        this.tolerance = b.tolerance;
        this.silhouetteExactLimit = b.silhouetteExactLimit;
        this.silhouetteSampleSize = b.silhouetteSampleSize;
    }

    /**
     * A builder for {@code clusters} clusters (at least 1) whose randomness comes from {@code seed}.
     *
     * @throws ValidationException ({@code clusters}) if {@code clusters < 1}
     */
    public static Builder builder(int clusters, long seed) {
        return new Builder(clusters, seed);
    }

    /**
     * Clusters {@code rows}: one row per customer, one column per feature, in the units of the caller's choice.
     * Neither argument is modified or kept.
     *
     * @param featureNames the column names, distinct, each one non-blank line of at most 64 characters (for example
     *                     {@code recency_days})
     * @param rows         at least one row, each with one finite value per feature
     * @throws ValidationException naming the field: {@code featureNames} or {@code featureNames[j]} if a name is
     *                             missing, blank or repeated; {@code rows} if there are none; {@code rows[i]} if a
     *                             row is null or of the wrong length; {@code rows[i].<feature>} if a value is NaN or
     *                             infinite; {@code clusters} if there are fewer distinct rows than clusters
     */
    public ClusterModel fit(List<String> featureNames, double[][] rows) {
        List<String> names = checkNames(featureNames);
        double[][] copy = checkRows(names, rows);
        ClusterStandardisation standardisation = ClusterStandardisation.of(copy);
        double[][] points = new double[copy.length][];
        for (int i = 0; i < copy.length; i++) {
            points[i] = standardisation.standardise(copy[i]);
        }
        requireDistinct(points);
        SplittableRandom random = new SplittableRandom(seed);
        KMeansRun best = null;
        for (int r = 0; r < restarts; r++) {
            KMeansRun run = KMeansLloyd.run(points, clusters, random, maxIterations, tolerance);
            if (best == null || run.inertia() < best.inertia()) {
                best = run;
            }
        }
        double silhouette = ClusterSilhouette.mean(points, best.assignment(), clusters, silhouetteExactLimit,
                silhouetteSampleSize, seed);
        return new ClusterModel(names, standardisation, best, silhouette);
    }

    private static List<String> checkNames(List<String> featureNames) {
        Checks.notNull(featureNames, "featureNames");
        if (featureNames.isEmpty() || featureNames.size() > MAX_FEATURES) {
            throw new ValidationException("featureNames", "must name 1 to " + MAX_FEATURES + " features ("
                    + featureNames.size() + ")");
        }
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < featureNames.size(); j++) {
            String name = Checks.line(featureNames.get(j), "featureNames[" + j + "]", 64);
            if (!seen.add(name)) {
                throw new ValidationException("featureNames[" + j + "]", "repeats the feature name " + name);
            }
        }
        return List.copyOf(featureNames);
    }

    private static double[][] checkRows(List<String> names, double[][] rows) {
        Checks.notNull(rows, "rows");
        if (rows.length == 0) {
            throw new ValidationException("rows", "must not be empty");
        }
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            double[] row = Checks.notNull(rows[i], "rows[" + i + "]");
            if (row.length != names.size()) {
                throw new ValidationException("rows[" + i + "]", "has " + row.length + " values for "
                        + names.size() + " features");
            }
            for (int j = 0; j < row.length; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new ValidationException("rows[" + i + "]." + names.get(j),
                            Double.isNaN(row[j]) ? "is NaN" : "is infinite");
                }
            }
            copy[i] = row.clone();
        }
        return copy;
    }

    private void requireDistinct(double[][] points) {
        Set<List<Double>> distinct = new HashSet<>();
        for (int i = 0; i < points.length && distinct.size() < clusters; i++) {
            List<Double> point = new ArrayList<>(points[i].length);
            for (double v : points[i]) {
                point.add(v);
            }
            distinct.add(point);
        }
        if (distinct.size() < clusters) {
            throw new ValidationException("clusters", clusters + " clusters need at least as many distinct rows ("
                    + distinct.size() + " distinct after standardisation)");
        }
    }

    /** Configures a {@link Clustering}; each setter checks its value at once. Not thread-safe. */
    public static final class Builder {
        private final int clusters;
        private final long seed;
        private int restarts = DEFAULT_RESTARTS;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;
        private double tolerance = DEFAULT_TOLERANCE;
        private int silhouetteExactLimit = DEFAULT_SILHOUETTE_EXACT_LIMIT;
        private int silhouetteSampleSize = DEFAULT_SILHOUETTE_SAMPLE_SIZE;

        private Builder(int clusters, long seed) {
            this.clusters = positive(clusters, "clusters");
            this.seed = seed;
        }

        /** How many seeded runs to make, keeping the one with the lowest inertia; at least 1, 10 by default. */
        public Builder restarts(int restarts) {
            this.restarts = positive(restarts, "restarts");
            return this;
        }

        /** The most Lloyd iterations per run; at least 1, 300 by default. */
        public Builder maxIterations(int maxIterations) {
            this.maxIterations = positive(maxIterations, "maxIterations");
            return this;
        }

        /**
         * The largest centre move, in standard deviations of the standardised features, that counts as converged;
         * zero or more, 1e-6 by default.
         */
        public Builder tolerance(double tolerance) {
            if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
                throw new ValidationException("tolerance", "must be a finite number of 0 or more");
            }
            this.tolerance = tolerance;
            return this;
        }

        /** Up to how many rows the silhouette is exact; 2,000 by default. */
        public Builder silhouetteExactLimit(int rows) {
            this.silhouetteExactLimit = positive(rows, "silhouetteExactLimit");
            return this;
        }

        /** How many rows the silhouette is estimated from above the exact limit; 1,000 by default. */
        public Builder silhouetteSampleSize(int rows) {
            this.silhouetteSampleSize = positive(rows, "silhouetteSampleSize");
            return this;
        }

        /** The configured clustering; the builder may be reused. */
        public Clustering build() {
            return new Clustering(this);
        }

        private static int positive(int value, String field) {
            if (value < 1) {
                throw new ValidationException(field, "must be at least 1 (" + value + ")");
            }
            return value;
        }
    }
}
