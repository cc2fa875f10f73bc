package org.crmkit.scoring.internal;

import static org.crmkit.scoring.internal.SpecialFunctions.digamma;
import static org.crmkit.scoring.internal.SpecialFunctions.logGamma;

import java.util.Arrays;

/**
 * The Gamma-Gamma log-likelihood of mean spends {@code zbar} given {@code x} purchases each (Fader, Hardie and Lee
 * 2005; Fader and Hardie 2013, "The Gamma-Gamma Model of Monetary Value", eq. 3) and its gradient:
 *
 * <pre>
 *   ln f(zbar | x) = ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln γ + (px−1) ln zbar + px ln x − (px+q) ln(γ + x·zbar)
 * </pre>
 *
 * Terms that depend on {@code x} alone are computed once per distinct {@code x}. Immutable and thread-safe.
 */
public final class GammaGammaLikelihood {
    private final int[] distinctX;
    private final double[] customersWithX;
    private final double[] sumLogSpendWithX;
    private final int[] group;
    private final double[] x;
    private final double[] meanSpend;

    private GammaGammaLikelihood(int[] distinctX, double[] customersWithX, double[] sumLogSpendWithX, int[] group,
                                 double[] x, double[] meanSpend) {
        this.distinctX = distinctX;
        this.customersWithX = customersWithX;
        this.sumLogSpendWithX = sumLogSpendWithX;
        this.group = group;
        this.x = x;
        this.meanSpend = meanSpend;
    }

    /** The data: customer {@code i} made {@code x[i] >= 1} purchases of mean value {@code meanSpend[i] > 0}. */
    public static GammaGammaLikelihood of(int[] x, double[] meanSpend) {
        int[] distinct = Arrays.stream(x).distinct().sorted().toArray();
        double[] counts = new double[distinct.length];
        double[] logs = new double[distinct.length];
        int[] group = new int[x.length];
        double[] xs = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            int k = Arrays.binarySearch(distinct, x[i]);
            group[i] = k;
            xs[i] = x[i];
            counts[k]++;
            logs[k] += Math.log(meanSpend[i]);
        }
        return new GammaGammaLikelihood(distinct, counts, logs, group, xs, meanSpend.clone());
    }

    /**
     * The log-likelihood at {@code (p, q, gamma)}; when {@code gradient} is not null its three entries receive the
     * partial derivatives in that order.
     */
    public double evaluate(double p, double q, double gamma, double[] gradient) {
        double logGammaScale = Math.log(gamma);
        double lgQ = logGamma(q);
        double psiQ = digamma(q);
        double sum = 0;
        double gP = 0;
        double gQ = 0;
        double gGamma = 0;
        for (int k = 0; k < distinctX.length; k++) {
            double xk = distinctX[k];
            double n = customersWithX[k];
            double px = p * xk;
            double logX = Math.log(xk);
            double psiPxq = digamma(px + q);
            sum += n * (logGamma(px + q) - logGamma(px) - lgQ + q * logGammaScale + px * logX)
                    + (px - 1) * sumLogSpendWithX[k];
            gP += n * xk * (psiPxq - digamma(px) + logX) + xk * sumLogSpendWithX[k];
            gQ += n * (psiPxq - psiQ + logGammaScale);
            gGamma += n * q / gamma;
        }
        for (int i = 0; i < x.length; i++) {
            double xi = x[i];
            double shifted = gamma + xi * meanSpend[i];
            double logShifted = Math.log(shifted);
            double exponent = p * xi + q;
            sum -= exponent * logShifted;
            gP -= xi * logShifted;
            gQ -= logShifted;
            gGamma -= exponent / shifted;
        }
        if (gradient != null) {
            gradient[0] = gP;
            gradient[1] = gQ;
            gradient[2] = gGamma;
        }
        return sum;
    }

    /** The number of customers. */
    public int customers() {
        return x.length;
    }
}
