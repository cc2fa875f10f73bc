package org.crmkit.scoring.internal;

/** Logarithm of the gamma function and the digamma function for positive arguments. Stateless and thread-safe. */
public final class SpecialFunctions {
    private static final double HALF_LOG_TWO_PI = 0.9189385332046727;
    private static final double LANCZOS_G = 7.0;
    private static final double[] LANCZOS = {
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7};
    private static final double STIRLING_FROM = 15.0;
    private static final double DIGAMMA_FROM = 12.0;

    private SpecialFunctions() {
    }

    /**
     * {@code ln Γ(x)} for {@code x > 0}: the Stirling series from 15 on, below it the Lanczos approximation
     * (g = 7, 9 terms); relative error about 1e-15.
     */
    public static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("logGamma needs a positive argument");
        }
        if (x >= STIRLING_FROM) {
            return stirling(x);
        }
        if (x < 0.5) {
            return logGamma(x + 1.0) - Math.log(x);
        }
        double z = x - 1.0;
        double sum = LANCZOS[0];
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        double t = z + LANCZOS_G + 0.5;
        return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    private static double stirling(double x) {
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        double series = inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 * (1.0 / 1260 - inv2 * (1.0 / 1680
                - inv2 * (1.0 / 1188)))));
        return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + series;
    }

    /** {@code ψ(x) = d/dx ln Γ(x)} for {@code x > 0}: recurrence up to 12, then the asymptotic series. */
    public static double digamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("digamma needs a positive argument");
        }
        double shift = 0.0;
        double y = x;
        while (y < DIGAMMA_FROM) {
            shift -= 1.0 / y;
            y += 1.0;
        }
        double inv = 1.0 / y;
        double inv2 = inv * inv;
        double series = inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240
                - inv2 * (1.0 / 132)))));
        return shift + Math.log(y) - 0.5 * inv - series;
    }
}
