package org.crmkit.scoring.internal;

/**
 * The outcome of one k-means run in standardised space. Internal: arrays are shared, not copied.
 *
 * @param centres         the final centres, one row per cluster
 * @param assignment      each point's cluster, its nearest final centre (ties to the lowest index)
 * @param inertia         the sum of squared distances of the points to their centres
 * @param iterations      the number of Lloyd iterations run
 * @param converged       whether the centres settled before the iteration limit
 * @param inertiaHistory  the inertia after each assignment step, the last one being {@code inertia}
 */
public record KMeansRun(double[][] centres, int[] assignment, double inertia, int iterations, boolean converged,
                        double[] inertiaHistory) {
}
