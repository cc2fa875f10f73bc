package org.crmkit.scoring.internal;

/** A smooth function to minimise, evaluated together with its gradient. */
@FunctionalInterface
public interface Objective {
    /**
     * The value at {@code point}, writing the gradient into {@code gradient} (same length). A non-finite value marks
     * a point outside the function's domain.
     */
    double valueAndGradient(double[] point, double[] gradient);
}
