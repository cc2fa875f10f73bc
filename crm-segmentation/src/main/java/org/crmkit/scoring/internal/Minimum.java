package org.crmkit.scoring.internal;

/**
 * Where {@link Bfgs} stopped.
 *
 * @param point      the last accepted point
 * @param value      the objective there
 * @param gradient   the gradient there
 * @param iterations accepted steps taken
 * @param converged  whether the gradient met the tolerance (or no descent was left within rounding)
 */
public record Minimum(double[] point, double value, double[] gradient, int iterations, boolean converged) {
    /** The largest absolute gradient component. */
    public double gradientNorm() {
        double max = 0;
        for (double g : gradient) {
            max = Math.max(max, Math.abs(g));
        }
        return max;
    }
}
