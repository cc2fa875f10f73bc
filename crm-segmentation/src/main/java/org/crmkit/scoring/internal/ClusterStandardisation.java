package org.crmkit.scoring.internal;

/**
 * Z-score standardisation of feature columns: {@code z = (x − mean) / sd} with the population standard deviation.
 * A constant column (sd = 0) maps every value to 0 and back to the constant, so it neither produces NaN nor weighs in
 * distances. Immutable and thread-safe.
 */
public final class ClusterStandardisation {
    private final double[] means;
    private final double[] deviations;

    private ClusterStandardisation(double[] means, double[] deviations) {
        this.means = means;
        this.deviations = deviations;
    }

    /** The means and standard deviations of the columns of {@code rows} (non-empty, all of the same length). */
    public static ClusterStandardisation of(double[][] rows) {
        int d = rows[0].length;
        double[] means = new double[d];
        double[] deviations = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (double[] row : rows) {
                sum += row[j];
            }
            double mean = sum / rows.length;
            double squares = 0;
            for (double[] row : rows) {
                double diff = row[j] - mean;
                squares += diff * diff;
            }
            means[j] = mean;
            deviations[j] = Math.sqrt(squares / rows.length);
        }
        return new ClusterStandardisation(means, deviations);
    }

    /** {@code row} standardised into a new array; {@code -0.0} becomes {@code 0.0} so equal points compare equal. */
    public double[] standardise(double[] row) {
        double[] z = new double[row.length];
        for (int j = 0; j < row.length; j++) {
            z[j] = (deviations[j] > 0 ? (row[j] - means[j]) / deviations[j] : 0) + 0.0;
        }
        return z;
    }

    /** Standardised value {@code z} of column {@code j} in the column's original units. */
    public double original(int j, double z) {
        return deviations[j] > 0 ? means[j] + z * deviations[j] : means[j];
    }
}
