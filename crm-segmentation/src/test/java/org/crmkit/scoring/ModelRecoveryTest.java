package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelRecoveryTest {
    private static List<PurchaseSummary> summaries;

    @BeforeAll
    static void draw() {
        summaries = SyntheticPurchases.builder()
                .seed(20240101L)
                .customers(50_000)
                .purchaseProcess(0.25, 4.0, 0.8, 2.5)
                .spend(6.0, 4.0, 15.0)
                .births(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 3, 31))
                .observationEnd(LocalDate.of(2021, 12, 31))
                .build()
                .summaries();
    }

    @Test
    void bgNbdFit_onSyntheticCustomers_recoversTheParameters() {
        BgNbdParameters fitted = BgNbdModel.fit(summaries).parameters();

        assertThat(fitted.r()).isCloseTo(0.25, withinPercentage(10));
        assertThat(fitted.alpha()).isCloseTo(4.0, withinPercentage(10));
        assertThat(fitted.a()).isCloseTo(0.8, withinPercentage(15));
        assertThat(fitted.b()).isCloseTo(2.5, withinPercentage(15));
    }

    @Test
    void gammaGammaFit_onSyntheticCustomers_recoversTheParameters() {
        GammaGammaParameters fitted = GammaGammaModel.fit(summaries).parameters();

        assertThat(fitted.p()).isCloseTo(6.0, withinPercentage(10));
        assertThat(fitted.q()).isCloseTo(4.0, withinPercentage(15));
        assertThat(fitted.gamma()).isCloseTo(15.0, withinPercentage(15));
        assertThat(fitted.meanSpend()).isCloseTo(6.0 * 15.0 / 3.0, withinPercentage(5));
    }
}
