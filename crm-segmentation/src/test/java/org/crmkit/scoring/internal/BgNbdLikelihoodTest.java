package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BgNbdLikelihoodTest {
    private static final int N = 400;
    private final int[] x = new int[N];
    private final double[] recency = new double[N];
    private final double[] age = new double[N];

    BgNbdLikelihoodTest() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < N; i++) {
            age[i] = Math.floor(280 * random.nextDouble()) / 7;
            x[i] = random.nextInt(5);
            recency[i] = x[i] == 0 ? 0 : Math.floor(age[i] * 7 * random.nextDouble()) / 7;
        }
    }

    @Test
    void evaluate_equalsTheDirectFormulaSummedOverCustomers() {
        double r = 0.243;
        double alpha = 4.414;
        double a = 0.793;
        double b = 2.426;
        double direct = 0;
        for (int i = 0; i < N; i++) {
            direct += Math.log(directLikelihood(r, alpha, a, b, x[i], recency[i], age[i]));
        }

        BgNbdLikelihood likelihood = BgNbdLikelihood.of(x, recency, age);

        assertThat(likelihood.rows()).isLessThan(N);
        assertThat(likelihood.evaluate(r, alpha, a, b, null)).isCloseTo(direct, within(1e-9 * Math.abs(direct)));
    }

    @Test
    void evaluate_gradientMatchesCentralDifferences() {
        BgNbdLikelihood likelihood = BgNbdLikelihood.of(x, recency, age);
        double[] theta = {0.3, 4.2, 0.8, 2.4};
        double[] gradient = new double[4];
        likelihood.evaluate(theta[0], theta[1], theta[2], theta[3], gradient);

        for (int i = 0; i < 4; i++) {
            double h = 1e-5 * theta[i];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double difference = (likelihood.evaluate(up[0], up[1], up[2], up[3], null)
                    - likelihood.evaluate(down[0], down[1], down[2], down[3], null)) / (2 * h);
            assertThat(gradient[i]).as("d/d theta[%d]", i).isCloseTo(difference, within(1e-5 * (1 + Math.abs(difference))));
        }
    }

    /** Eq. 6 of Fader, Hardie and Lee (2005) evaluated as written. */
    static double directLikelihood(double r, double alpha, double a, double b, int x, double tx, double t) {
        double betaRatio = Math.exp(lbeta(a, b + x) - lbeta(a, b));
        double gammaPart = Math.exp(SpecialFunctions.logGamma(r + x) - SpecialFunctions.logGamma(r)) * Math.pow(alpha, r);
        double first = betaRatio * gammaPart / Math.pow(alpha + t, r + x);
        double second = x > 0
                ? Math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b)) * gammaPart / Math.pow(alpha + tx, r + x) : 0;
        return first + second;
    }

    private static double lbeta(double p, double q) {
        return SpecialFunctions.logGamma(p) + SpecialFunctions.logGamma(q) - SpecialFunctions.logGamma(p + q);
    }
}
