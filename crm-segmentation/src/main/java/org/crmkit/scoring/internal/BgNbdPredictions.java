package org.crmkit.scoring.internal;

/**
 * Closed-form BG/NBD predictions for one customer (Fader, Hardie and Lee 2005, eqs. 9 and 10), arranged to stay
 * accurate for every positive parameter value:
 *
 * <pre>
 *   E[Y(t) | x, t_x, T] = P(alive) · ( −c·L·(e^u − 1)/u − e^u·G )
 *   c = a + b + x − 1,   z = t / (α + T + t),   L = ln(1 − z),   u = (a − 1)·L
 *   G = Σ_{n≥1} (a+b−1−r)_n (a)_{n−1} / ((c+1)_{n−1} n!) · z^n
 * </pre>
 *
 * <p>This is eq. 10 after Euler's transformation of its Gauss hypergeometric function,
 * {@code 2F1(r+x, b+x; c; z) = (1−z)^(a−1−r−x)·2F1(a+b−1−r, a−1; c; z)}, with the factor {@code 1/(a − 1)} and
 * {@code c} cancelled analytically: it has no pole at {@code a = 1} or {@code c = 0}, and no huge terms for large
 * {@code x}. The series
 * converges for every {@code z < 1}; it needs about {@code 36 / (1 − z)} terms. Stateless and thread-safe.
 */
public final class BgNbdPredictions {
    private static final double EPSILON = 1e-17;

    private BgNbdPredictions() {
    }

    /** P(alive at T | x, t_x, T) (eq. 12). */
    public static double probabilityAlive(double r, double alpha, double a, double b, int x, double recency,
                                          double age) {
        if (x == 0) {
            return 1.0;
        }
        double s = Math.log(a) - Math.log(b + x - 1) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + recency));
        if (s > 0) {
            double e = Math.exp(-s);
            return e / (1.0 + e);
        }
        return 1.0 / (1.0 + Math.exp(s));
    }

    /** Expected repeat purchases in {@code (T, T + t]} given the customer's history, {@code t >= 0} weeks. */
    public static double conditionalExpectedPurchases(double r, double alpha, double a, double b, int x,
                                                      double recency, double age, double t) {
        if (t == 0) {
            return 0.0;
        }
        double alive = probabilityAlive(r, alpha, a, b, x, recency, age);
        double c = a + b + x - 1;
        double z = t / (alpha + age + t);
        double logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + t);
        double u = (a - 1) * logOneMinusZ;
        double expm1OverU = u == 0 ? 1.0 : Math.expm1(u) / u;
        double series = series(a + b - 1 - r, a, c, z);
        double expected = alive * (-c * logOneMinusZ * expm1OverU - Math.exp(u) * series);
        return Math.max(expected, 0.0);
    }

    private static double series(double first, double a, double c, double z) {
        double term = first * z;
        double sum = term;
        double tail = (1.0 - z) * EPSILON;
        for (int n = 1; term != 0; n++) {
            term *= (first + n) * (a + n - 1) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (Math.abs(term) <= tail * Math.abs(sum) && Math.abs((first + n) * (a + n - 1)) < (c + n) * (n + 1)) {
                break;
            }
        }
        return sum;
    }
}
