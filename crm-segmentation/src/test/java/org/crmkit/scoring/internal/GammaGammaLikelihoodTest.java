package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GammaGammaLikelihoodTest {
    private static final int N = 300;
    private final int[] x = new int[N];
    private final double[] spend = new double[N];

    GammaGammaLikelihoodTest() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < N; i++) {
            x[i] = 1 + random.nextInt(6);
            spend[i] = 5 + 60 * random.nextDouble();
        }
    }

    @Test
    void evaluate_equalsTheDensityOfTheMeanSpendSummedOverCustomers() {
        double p = 6.25;
        double q = 3.74;
        double gamma = 15.44;
        double direct = 0;
        for (int i = 0; i < N; i++) {
            double px = p * x[i];
            direct += SpecialFunctions.logGamma(px + q) - SpecialFunctions.logGamma(px) - SpecialFunctions.logGamma(q)
                    + q * Math.log(gamma) + (px - 1) * Math.log(spend[i]) + px * Math.log(x[i])
                    - (px + q) * Math.log(gamma + x[i] * spend[i]);
        }

        double evaluated = GammaGammaLikelihood.of(x, spend).evaluate(p, q, gamma, null);

        assertThat(evaluated).isCloseTo(direct, within(1e-9 * Math.abs(direct)));
    }

    @Test
    void evaluate_gradientMatchesCentralDifferences() {
        GammaGammaLikelihood likelihood = GammaGammaLikelihood.of(x, spend);
        double[] theta = {6.1, 4.0, 14.9};
        double[] gradient = new double[3];
        likelihood.evaluate(theta[0], theta[1], theta[2], gradient);

        for (int i = 0; i < 3; i++) {
            double h = 1e-4 * theta[i];
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[i] += h;
            down[i] -= h;
            double difference = (likelihood.evaluate(up[0], up[1], up[2], null)
                    - likelihood.evaluate(down[0], down[1], down[2], null)) / (2 * h);
            assertThat(gradient[i]).as("d/d theta[%d]", i).isCloseTo(difference, within(1e-5 * (1 + Math.abs(difference))));
        }
    }
}
