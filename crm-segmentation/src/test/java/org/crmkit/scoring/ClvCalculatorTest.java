package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.crmkit.spi.ValidationException;
import org.junit.jupiter.api.Test;

class ClvCalculatorTest {
    private static final BgNbdModel PURCHASES = BgNbdModel.of(new BgNbdParameters(0.243, 4.414, 0.793, 2.426, -9582.4));
    private static final GammaGammaModel SPEND = GammaGammaModel.of(new GammaGammaParameters(6.25, 3.74, 15.44, -4055.9));
    private static final ClvCalculator CLV = ClvCalculator.of(PURCHASES, SPEND);
    private static final PurchaseSummary CUSTOMER = PurchaseSummary.of("1", 2, 30.43, 38.86, 22.35);

    @Test
    void lifetimeValue_undiscounted_isExpectedSpendTimesExpectedPurchases() {
        double expected = SPEND.conditionalExpectedSpend(CUSTOMER) * PURCHASES.conditionalExpectedPurchases(CUSTOMER, 52);

        assertThat(CLV.lifetimeValue(CUSTOMER, 52)).isCloseTo(expected, within(1e-9));
    }

    @Test
    void lifetimeValue_discounted_isBelowUndiscountedAndGrowsWithTheHorizon() {
        DiscountRate tenPercent = DiscountRate.annual(0.10);

        double year = CLV.lifetimeValue(CUSTOMER, 52, tenPercent);
        double twoYears = CLV.lifetimeValue(CUSTOMER, 104, tenPercent);

        assertThat(year).isPositive().isLessThan(CLV.lifetimeValue(CUSTOMER, 52));
        assertThat(twoYears).isGreaterThan(year);
        assertThat(CLV.lifetimeValue(CUSTOMER, 0, tenPercent)).isZero();
    }

    @Test
    void lifetimeValue_ofACustomerWithoutRepeatPurchases_usesThePopulationMeanSpend() {
        PurchaseSummary oneTimer = PurchaseSummary.of("2", 0, 0, 38.86);

        double value = CLV.lifetimeValue(oneTimer, 52);

        assertThat(value).isCloseTo(SPEND.parameters().meanSpend()
                * PURCHASES.conditionalExpectedPurchases(oneTimer, 52), within(1e-9));
    }

    @Test
    void discountRate_annual_compoundsToTheAnnualRateOverAYear() {
        DiscountRate rate = DiscountRate.annual(0.10);

        assertThat(Math.pow(1 + rate.weekly(), DiscountRate.WEEKS_PER_YEAR)).isCloseTo(1.10, within(1e-12));
        assertThat(rate.factor(0)).isEqualTo(1.0);
    }

    @Test
    void lifetimeValue_withAHorizonOutOfRange_isRejected() {
        assertThatThrownBy(() -> CLV.lifetimeValue(CUSTOMER, -1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("horizonWeeks");
        assertThatThrownBy(() -> DiscountRate.weekly(-0.1))
                .isInstanceOf(ValidationException.class).hasMessageContaining("weekly");
    }
}
