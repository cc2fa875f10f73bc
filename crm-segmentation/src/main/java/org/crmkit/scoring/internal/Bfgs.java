package org.crmkit.scoring.internal;

/**
 * Quasi-Newton minimiser (BFGS update of the inverse Hessian, backtracking line search accepting Armijo or
 * approximate Wolfe steps) inside the box
 * {@code |x_i| <= bound}. Deterministic: the same objective and start give the same result. Not thread-safe; one
 * instance per minimisation.
 */
public final class Bfgs {
    private static final double ARMIJO = 1e-4;
    private static final double SUFFICIENT = 0.1;
    private static final double CURVATURE = 0.9;
    private static final double ROUNDING_VALUE = 1e-12;
    private static final int MAX_HALVINGS = 40;
    private static final int MAX_STALLED = 10;
    private static final double MAX_STEP = 2.0;
    /** Below this gradient norm a failed line search means rounding noise, not a missed minimum. */
    private static final double ROUNDING_GRADIENT = 1e-6;

    private final Objective objective;
    private final double gradientTolerance;
    private final int maxIterations;
    private final double bound;

    /**
     * @param objective         the function to minimise
     * @param gradientTolerance stop when every gradient component is at most this in absolute value
     * @param maxIterations     stop unconverged after this many accepted steps
     * @param bound             the box half-width; trial points outside it are treated as outside the domain
     */
    public Bfgs(Objective objective, double gradientTolerance, int maxIterations, double bound) {
        this.objective = objective;
        this.gradientTolerance = gradientTolerance;
        this.maxIterations = maxIterations;
        this.bound = bound;
    }

    /** The value at {@code point} alone (the gradient is computed and dropped). */
    public double value(double[] point) {
        return objective.valueAndGradient(point.clone(), new double[point.length]);
    }

    /** Minimises from {@code start}, which must have a finite value. */
    public Minimum minimise(double[] start) {
        int n = start.length;
        double[] x = start.clone();
        double[] g = new double[n];
        double f = objective.valueAndGradient(x, g);
        if (!Double.isFinite(f) || !allFinite(g)) {
            return new Minimum(x, f, g, 0, false);
        }
        double[][] h = identity(n);
        double[] direction = new double[n];
        double[] trial = new double[n];
        double[] trialGradient = new double[n];
        int iterations = 0;
        int stalled = 0;
        boolean freshHessian = true;
        while (iterations < maxIterations) {
            if (maxAbs(g) <= gradientTolerance) {
                return new Minimum(x, f, g, iterations, true);
            }
            multiply(h, g, direction);
            double slope = 0;
            for (int i = 0; i < n; i++) {
                direction[i] = -direction[i];
                slope += direction[i] * g[i];
            }
            if (!(slope < 0)) {
                if (freshHessian) {
                    return new Minimum(x, f, g, iterations, maxAbs(g) <= ROUNDING_GRADIENT);
                }
                h = identity(n);
                freshHessian = true;
                continue;
            }
            double norm = Math.sqrt(dot(direction, direction));
            double step = norm > MAX_STEP ? MAX_STEP / norm : 1.0;
            double trialValue = Double.NaN;
            boolean accepted = false;
            for (int k = 0; k < MAX_HALVINGS; k++, step *= 0.5) {
                boolean inside = true;
                for (int i = 0; i < n; i++) {
                    trial[i] = x[i] + step * direction[i];
                    inside &= Math.abs(trial[i]) <= bound;
                }
                if (!inside) {
                    continue;
                }
                trialValue = objective.valueAndGradient(trial, trialGradient);
                if (Double.isFinite(trialValue) && allFinite(trialGradient)
                        && (trialValue <= f + ARMIJO * step * slope
                        || approximatelyWolfe(f, slope, trialValue, dot(direction, trialGradient)))) {
                    accepted = true;
                    break;
                }
            }
            if (!accepted) {
                if (freshHessian) {
                    return new Minimum(x, f, g, iterations, maxAbs(g) <= ROUNDING_GRADIENT);
                }
                h = identity(n);
                freshHessian = true;
                continue;
            }
            double[] s = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                s[i] = trial[i] - x[i];
                y[i] = trialGradient[i] - g[i];
            }
            System.arraycopy(trial, 0, x, 0, n);
            System.arraycopy(trialGradient, 0, g, 0, n);
            stalled = f - trialValue > ROUNDING_VALUE * Math.abs(f) ? 0 : stalled + 1;
            f = trialValue;
            iterations++;
            if (stalled >= MAX_STALLED) {
                return new Minimum(x, f, g, iterations, maxAbs(g) <= ROUNDING_GRADIENT);
            }
            double sy = dot(s, y);
            if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) {
                if (freshHessian) {
                    double scale = sy / dot(y, y);
                    for (int i = 0; i < n; i++) {
                        h[i][i] = scale;
                    }
                }
                update(h, s, y, sy);
                freshHessian = false;
            }
        }
        return new Minimum(x, f, g, iterations, maxAbs(g) <= gradientTolerance);
    }

    /**
     * Hager and Zhang's approximate Wolfe conditions: near a minimum the value changes less than its rounding error,
     * so a step is also accepted when the value did not grow beyond rounding and the slope along the direction
     * flattened.
     */
    private static boolean approximatelyWolfe(double f, double slope, double trialValue, double trialSlope) {
        return trialValue <= f + ROUNDING_VALUE * Math.abs(f)
                && trialSlope >= CURVATURE * slope && trialSlope <= (2 * SUFFICIENT - 1) * slope;
    }

    private static void update(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = new double[n];
        multiply(h, y, hy);
        double yhy = dot(y, hy);
        double rho = 1.0 / sy;
        double factor = (1.0 + rho * yhy) * rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] += factor * s[i] * s[j] - rho * (hy[i] * s[j] + s[i] * hy[j]);
            }
        }
    }

    private static double[][] identity(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            h[i][i] = 1.0;
        }
        return h;
    }

    private static void multiply(double[][] m, double[] v, double[] out) {
        for (int i = 0; i < v.length; i++) {
            double sum = 0;
            for (int j = 0; j < v.length; j++) {
                sum += m[i][j] * v[j];
            }
            out[i] = sum;
        }
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double e : v) {
            max = Math.max(max, Math.abs(e));
        }
        return max;
    }

    private static boolean allFinite(double[] v) {
        for (double e : v) {
            if (!Double.isFinite(e)) {
                return false;
            }
        }
        return true;
    }
}
