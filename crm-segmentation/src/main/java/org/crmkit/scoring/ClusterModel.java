package org.crmkit.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crmkit.scoring.internal.ClusterStandardisation;
import org.crmkit.scoring.internal.KMeansLloyd;
import org.crmkit.scoring.internal.KMeansRun;
import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * The typical profiles found by {@link Clustering#fit}: {@code k} clusters with their centres, the fitted rows'
 * clusters, and {@link #assign} for new rows, so that a segment can refer to a cluster by its index. Immutable and
 * thread-safe.
 */
public final class ClusterModel {
    private final List<String> featureNames;
    private final ClusterStandardisation standardisation;
    private final double[][] centres;
    private final int[] assignment;
    private final double inertia;
    private final int iterations;
    private final boolean converged;
    private final double silhouette;
    private final List<ClusterProfile> clusters;

    ClusterModel(List<String> featureNames, ClusterStandardisation standardisation, KMeansRun run,
                 double silhouette) {
        this.featureNames = featureNames;
        this.standardisation = standardisation;
        this.centres = run.centres();
        this.assignment = run.assignment();
        this.inertia = run.inertia();
        this.iterations = run.iterations();
        this.converged = run.converged();
        this.silhouette = silhouette;
        int[] sizes = new int[centres.length];
        for (int c : assignment) {
            sizes[c]++;
        }
        List<ClusterProfile> profiles = new ArrayList<>(centres.length);
        for (int c = 0; c < centres.length; c++) {
            Map<String, Double> centre = new LinkedHashMap<>();
            for (int j = 0; j < featureNames.size(); j++) {
                centre.put(featureNames.get(j), standardisation.original(j, centres[c][j]));
            }
            profiles.add(new ClusterProfile(c, sizes[c], centre));
        }
        this.clusters = List.copyOf(profiles);
    }

    /** The feature names, in column order. */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The clusters, by index. */
    public List<ClusterProfile> clusters() {
        return clusters;
    }

    /** The cluster of each fitted row, in row order: a new array on each call. */
    public int[] assignments() {
        return assignment.clone();
    }

    /**
     * The index of the cluster whose centre is nearest to {@code row} (in standardised units, the lowest index on a
     * tie): a new customer's cluster.
     *
     * @param row one finite value per feature, in the units the model was fitted in
     * @throws ValidationException ({@code row} or {@code row.<feature>}) if the row has the wrong length or a NaN or
     *                             infinite value
     */
    public int assign(double[] row) {
        Checks.notNull(row, "row");
        if (row.length != featureNames.size()) {
            throw new ValidationException("row", "has " + row.length + " values for " + featureNames.size()
                    + " features");
        }
        for (int j = 0; j < row.length; j++) {
            if (!Double.isFinite(row[j])) {
                throw new ValidationException("row." + featureNames.get(j), "must be finite");
            }
        }
        return KMeansLloyd.nearest(standardisation.standardise(row), centres);
    }

    /** The sum of squared distances of the fitted rows to their centres, in standardised units. */
    public double inertia() {
        return inertia;
    }

    /**
     * The mean silhouette of the fitted rows, {@code −1..1} (near 1: compact, well separated clusters); exact or
     * sampled as {@link Clustering} describes; 0 with a single cluster.
     */
    public double silhouette() {
        return silhouette;
    }

    /** The number of Lloyd iterations of the winning run. */
    public int iterations() {
        return iterations;
    }

    /** Whether the winning run settled before the iteration limit. */
    public boolean converged() {
        return converged;
    }

    /** One line per cluster, as {@link ClusterProfile#description()} writes it. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        clusters.forEach(c -> out.append(c.description()).append('\n'));
        return out.toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
