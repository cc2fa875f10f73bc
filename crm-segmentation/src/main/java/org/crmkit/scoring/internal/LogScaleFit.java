package org.crmkit.scoring.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Maximum likelihood over positive parameters: minimises {@code −logLikelihood / customers} over the logarithms of
 * the parameters with {@link Bfgs}, from the most promising of several starting points, and confirms each minimum by
 * a restart with a fresh Hessian. Deterministic.
 */
public final class LogScaleFit {
    /** Largest absolute log-parameter the optimiser may visit. */
    private static final double BOUND = 25.0;
    /** An estimate with an absolute log-parameter beyond this has run off to 0 or infinity. */
    private static final double DIVERGED = 16.0;
    private static final double GRADIENT_TOLERANCE = 1e-9;
    private static final int MAX_ITERATIONS = 500;
    private static final int ATTEMPTS = 3;

    /** The log-likelihood of the data at natural (positive) parameters, writing its gradient. */
    @FunctionalInterface
    public interface LogLikelihood {
        double evaluate(double[] parameters, double[] gradient);
    }

    /** How a fit ended. */
    public sealed interface Outcome {
    }

    /** A finite interior maximum at {@code parameters}. */
    public record Found(double[] parameters) implements Outcome {
    }

    /** Parameter {@code index} ran off to 0 or infinity. */
    public record Diverged(int index, boolean towardsZero) implements Outcome {
    }

    /** No maximum found from any start. */
    public record Failed(double gradientNorm) implements Outcome {
    }

    private LogScaleFit() {
    }

    /** Fits from the given natural-scale starting points. */
    public static Outcome fit(LogLikelihood logLikelihood, double customers, List<double[]> starts) {
        Objective objective = (u, gradient) -> {
            int n = u.length;
            double[] theta = new double[n];
            for (int i = 0; i < n; i++) {
                theta[i] = Math.exp(u[i]);
            }
            double value = -logLikelihood.evaluate(theta, gradient) / customers;
            for (int i = 0; i < n; i++) {
                gradient[i] = -gradient[i] * theta[i] / customers;
            }
            return Double.isFinite(value) ? value : Double.NaN;
        };
        Bfgs bfgs = new Bfgs(objective, GRADIENT_TOLERANCE, MAX_ITERATIONS, BOUND);
        List<double[]> ranked = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (double[] start : starts) {
            double[] u = Arrays.stream(start).map(Math::log).toArray();
            double value = bfgs.value(u);
            if (Double.isFinite(value)) {
                ranked.add(u);
                values.add(value);
            }
        }
        Integer[] order = new Integer[ranked.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(values::get));
        Outcome last = new Failed(Double.NaN);
        for (int attempt = 0; attempt < Math.min(ATTEMPTS, order.length); attempt++) {
            last = run(bfgs, ranked.get(order[attempt]));
            if (last instanceof Found) {
                return last;
            }
        }
        return last;
    }

    private static Outcome run(Bfgs bfgs, double[] start) {
        Minimum first = bfgs.minimise(start);
        Optional<Outcome> diverged = diverged(first);
        if (diverged.isPresent()) {
            return diverged.get();
        }
        Minimum confirmed = first.converged() ? bfgs.minimise(first.point()) : first;
        diverged = diverged(confirmed);
        if (diverged.isPresent()) {
            return diverged.get();
        }
        if (!confirmed.converged() || !Double.isFinite(confirmed.value())) {
            return new Failed(confirmed.gradientNorm());
        }
        return new Found(Arrays.stream(confirmed.point()).map(Math::exp).toArray());
    }

    private static Optional<Outcome> diverged(Minimum minimum) {
        double[] u = minimum.point();
        for (int i = 0; i < u.length; i++) {
            if (Math.abs(u[i]) > DIVERGED) {
                return Optional.of(new Diverged(i, u[i] < 0));
            }
        }
        return Optional.empty();
    }
}
