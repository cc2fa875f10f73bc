package org.crmkit.scoring.internal;

import java.util.random.RandomGenerator;

/**
 * Gamma and beta variates drawn from a caller's generator (Marsaglia and Tsang 2000 for the gamma; shapes below 1 by
 * the {@code U^(1/shape)} boost, in log space so that tiny shapes do not underflow). Stateless; thread-safe as far as
 * the generator passed in is.
 */
public final class RandomVariates {
    private RandomVariates() {
    }

    /** A Gamma variate of the given shape and rate (mean {@code shape / rate}). */
    public static double gamma(RandomGenerator random, double shape, double rate) {
        return Math.exp(logStandardGamma(random, shape)) / rate;
    }

    /** A Beta variate of the given shapes (mean {@code a / (a + b)}). */
    public static double beta(RandomGenerator random, double a, double b) {
        double logX = logStandardGamma(random, a);
        double logY = logStandardGamma(random, b);
        return 1.0 / (1.0 + Math.exp(logY - logX));
    }

    private static double logStandardGamma(RandomGenerator random, double shape) {
        if (shape < 1) {
            double boosted = logStandardGamma(random, shape + 1);
            return boosted + Math.log(1.0 - random.nextDouble()) / shape;
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double normal = random.nextGaussian();
            double v = 1.0 + c * normal;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - random.nextDouble();
            if (Math.log(u) < 0.5 * normal * normal + d - d * v + d * Math.log(v)) {
                return Math.log(d * v);
            }
        }
    }
}
