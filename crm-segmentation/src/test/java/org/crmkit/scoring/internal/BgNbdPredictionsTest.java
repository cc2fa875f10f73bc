package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BgNbdPredictionsTest {
    private static final double R = 0.243;
    private static final double ALPHA = 4.414;
    private static final double A = 0.793;
    private static final double B = 2.426;

    @Test
    void conditionalExpectedPurchases_reproducesThePapersWorkedExample() {
        double expected = BgNbdPredictions.conditionalExpectedPurchases(R, ALPHA, A, B, 2, 30.43, 38.86, 39);

        assertThat(expected).isCloseTo(1.226, within(0.0005));
    }

    @ParameterizedTest
    @CsvSource({
            "0.243, 4.414, 0.793, 2.426, 0, 0, 0, 39",
            "0.243, 4.414, 0.793, 2.426, 2, 30.43, 38.86, 39",
            "0.243, 4.414, 0.793, 2.426, 40, 38, 38.86, 520",
            "0.5, 0.2, 1.0, 3.0, 1, 1, 2, 300",
            "2.0, 10, 3.5, 1.2, 5, 20, 30, 52",
            "0.3, 5, 0.2, 0.3, 0, 0, 10, 100"})
    void conditionalExpectedPurchases_matchesNumericalIntegrationOverDropOut(
            double r, double alpha, double a, double b, int x, double recency, double age, double t) {
        double series = BgNbdPredictions.conditionalExpectedPurchases(r, alpha, a, b, x, recency, age, t);
        double alive = BgNbdPredictions.probabilityAlive(r, alpha, a, b, x, recency, age);

        double integral = alive * integrateOverDropOut(r + x, alpha + age, a, b + x, t);

        assertThat(series).isCloseTo(integral, within(1e-6 * (1 + integral)));
    }

    @Test
    void probabilityAlive_isOneWithoutRepeatPurchasesAndFallsWithTimeSinceTheLast() {
        assertThat(BgNbdPredictions.probabilityAlive(R, ALPHA, A, B, 0, 0, 30)).isEqualTo(1.0);
        double recent = BgNbdPredictions.probabilityAlive(R, ALPHA, A, B, 3, 30, 31);
        double lapsed = BgNbdPredictions.probabilityAlive(R, ALPHA, A, B, 3, 5, 31);
        assertThat(lapsed).isLessThan(recent).isBetween(0.0, 1.0);
    }

    /**
     * {@code E_p[(1 − (s / (s + p t))^shape) / p]} for {@code p ~ Beta(a, b)} by tanh-sinh quadrature, which copes with
     * the density's endpoint singularities.
     */
    private static double integrateOverDropOut(double shape, double s, double a, double b, double t) {
        double logBeta = SpecialFunctions.logGamma(a) + SpecialFunctions.logGamma(b) - SpecialFunctions.logGamma(a + b);
        double h = 1.0 / 256;
        double sum = 0;
        for (double v = -6; v <= 6; v += h) {
            double sinh = Math.PI * Math.sinh(v);
            double logP = -Math.log1p(Math.exp(-sinh));
            double logQ = -Math.log1p(Math.exp(sinh));
            double p = Math.exp(logP);
            if (p == 0) {
                continue;
            }
            double density = Math.exp((a - 1) * logP + (b - 1) * logQ - logBeta);
            double jacobian = Math.exp(logP + logQ) * Math.PI * Math.cosh(v);
            double purchases = -Math.expm1(-shape * Math.log1p(p * t / s)) / p;
            sum += density * jacobian * purchases;
        }
        return sum * h;
    }
}
