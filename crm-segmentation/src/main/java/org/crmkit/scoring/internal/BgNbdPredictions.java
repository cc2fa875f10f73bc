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
 * {@code x}. Its terms shrink unless {@code a > r + x + 1}, and alternate when {@code a + b − 1 < r}; then eq. 10 is
 * summed as written, whose terms are positive (see {@code direct}). Both series converge for every {@code z < 1},
 * in about {@code 36 / (1 − z)} terms. Stateless and thread-safe.
 */
public final class BgNbdPredictions {
    private static final double EPSILON = 1e-16;
    private static final int MAX_TERMS = 10_000_000;
    /** The direct series grows to about {@code (1 − z)^−(r+x)}; beyond {@code e^600} it could overflow. */
    private static final double MAX_LOG_SERIES = 600;

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

    /**
     * Expected repeat purchases in {@code (T, T + t]} given the customer's history, {@code t >= 0} weeks.
     *
     * @throws ArithmeticException if neither series converges within {@value #MAX_TERMS} terms (parameters far
     *                             outside any fitted range)
     */
    public static double conditionalExpectedPurchases(double r, double alpha, double a, double b, int x,
                                                      double recency, double age, double t) {
        if (t == 0) {
            return 0.0;
        }
        double alive = probabilityAlive(r, alpha, a, b, x, recency, age);
        double c = a + b + x - 1;
        double z = t / (alpha + age + t);
        double logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + t);
        double first = a + b - 1 - r;
        boolean direct = a > r + x + 1
                || (first < 0 && Math.abs(a - 1) >= 0.05 && -(r + x) * logOneMinusZ < MAX_LOG_SERIES);
        double bracket = direct ? direct(r + x, b + x, a, c, z, logOneMinusZ) : transformed(first, a, c, z, logOneMinusZ);
        if (!Double.isFinite(bracket)) {
            bracket = direct ? transformed(first, a, c, z, logOneMinusZ) : direct(r + x, b + x, a, c, z, logOneMinusZ);
        }
        if (!Double.isFinite(bracket)) {
            throw new ArithmeticException("BG/NBD expectation did not converge for these parameters");
        }
        return Math.max(alive * bracket, 0.0);
    }

    /** {@code −c·L·(e^u − 1)/u − e^u·G}, the transformed form (no growth when {@code a <= r + x + 1}). */
    private static double transformed(double first, double a, double c, double z, double logOneMinusZ) {
        double u = (a - 1) * logOneMinusZ;
        double expm1OverU = u == 0 ? 1.0 : Math.expm1(u) / u;
        double series = series(first, a, c, z);
        return -c * logOneMinusZ * expm1OverU - Math.exp(u) * series;
    }

    /**
     * Eq. 10 as written, {@code (c·(1 − (1−z)^(r+x)) − (1−z)^(r+x)·S) / (a − 1)} with
     * {@code S = Σ_{n≥1} (r+x)_n (b+x)_n / ((c+1)_{n−1} n!) z^n = c·(2F1 − 1)}: positive terms, used when the
     * transformed series would grow ({@code a > r + x + 1}) or alternate.
     */
    private static double direct(double shape, double dropShape, double a, double c, double z, double logOneMinusZ) {
        double power = Math.exp(shape * logOneMinusZ);
        double series = series(shape, dropShape + 1, c, z, shape * dropShape * z);
        return (-c * Math.expm1(shape * logOneMinusZ) - power * series) / (a - 1);
    }

    private static double series(double first, double a, double c, double z) {
        return series(first, a, c, z, first * z);
    }

    /**
     * {@code Σ_{n≥1} term_n} with the given first term and {@code term_{n+1} / term_n = (p+n)(q+n−1) z / ((c+n)(n+1))};
     * not finite when it does not converge within {@value #MAX_TERMS} terms.
     */
    private static double series(double p, double q, double c, double z, double firstTerm) {
        double term = firstTerm;
        double sum = term;
        for (int n = 1; term != 0; n++) {
            if (n > MAX_TERMS || !Double.isFinite(sum)) {
                return Double.NaN;
            }
            double ratio = (p + n) * (q + n - 1) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            double bound = Math.max(Math.abs(ratio), z);
            if (bound < 1 && Math.abs(term) * bound <= EPSILON * (1 - bound) * Math.abs(sum)) {
                break;
            }
        }
        return sum;
    }
}
