package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.crmkit.scoring.ModelFitException.Reason;
import org.junit.jupiter.api.Test;

class DegenerateDataTest {
    private static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final LocalDate END = LocalDate.of(2024, 6, 30);

    @Test
    void bgNbdFit_withoutCustomers_failsWithNoCustomers() {
        assertFit(List.of(), Reason.NO_CUSTOMERS);
    }

    @Test
    void bgNbdFit_ofOneCustomer_failsWithTooFewCustomers() {
        assertFit(List.of(PurchaseSummary.of("a", 3, 10, 20, 12.0)), Reason.TOO_FEW_CUSTOMERS);
    }

    @Test
    void bgNbdFit_withoutRepeatBuyers_failsWithNoRepeatPurchases() {
        assertFit(List.of(PurchaseSummary.of("a", 0, 0, 20), PurchaseSummary.of("b", 0, 0, 12)),
                Reason.NO_REPEAT_PURCHASES);
    }

    @Test
    void bgNbdFit_whenEveryPurchaseIsOnTheLastDay_failsWithNoObservationTime() {
        List<Purchase> purchases = List.of(purchase("a", END), purchase("a", END), purchase("b", END));

        assertFit(PurchaseSummaries.summarize(purchases, START, END), Reason.NO_OBSERVATION_TIME);
    }

    @Test
    void bgNbdFit_whenEveryPurchaseIsOnOneEarlierDay_failsWithNoRepeatPurchases() {
        LocalDate day = LocalDate.of(2024, 2, 1);
        List<Purchase> purchases = List.of(purchase("a", day), purchase("a", day), purchase("b", day));

        assertFit(PurchaseSummaries.summarize(purchases, START, END), Reason.NO_REPEAT_PURCHASES);
    }

    @Test
    void bgNbdFit_whenNobodyDropsOut_failsWithDegenerateEstimate() {
        List<PurchaseSummary> summaries = List.of(
                PurchaseSummary.of("a", 5, 20, 20), PurchaseSummary.of("b", 5, 20, 20),
                PurchaseSummary.of("c", 5, 20, 20));

        assertThatThrownBy(() -> BgNbdModel.fit(summaries))
                .isInstanceOfSatisfying(ModelFitException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.reason()).isIn(Reason.DEGENERATE_ESTIMATE, Reason.NOT_CONVERGED));
    }

    @Test
    void gammaGammaFit_withoutRepeatSpend_failsWithNoRepeatPurchases() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(PurchaseSummary.of("a", 0, 0, 5),
                PurchaseSummary.of("b", 2, 1, 5, 0.0))))
                .isInstanceOfSatisfying(ModelFitException.class, e -> reason(e, Reason.NO_REPEAT_PURCHASES));
    }

    @Test
    void gammaGammaFit_ofOneRepeatCustomer_failsWithTooFewCustomers() {
        assertThatThrownBy(() -> GammaGammaModel.fit(List.of(PurchaseSummary.of("a", 2, 1, 5, 10.0))))
                .isInstanceOfSatisfying(ModelFitException.class, e -> reason(e, Reason.TOO_FEW_CUSTOMERS));
    }

    @Test
    void gammaGammaFit_whenEverySpendIsEqual_failsWithDegenerateEstimate() {
        List<PurchaseSummary> summaries = List.of(PurchaseSummary.of("a", 2, 1, 5, 10.0),
                PurchaseSummary.of("b", 1, 1, 5, 10.0), PurchaseSummary.of("c", 4, 3, 5, 10.0));

        assertThatThrownBy(() -> GammaGammaModel.fit(summaries))
                .isInstanceOfSatisfying(ModelFitException.class, e -> reason(e, Reason.DEGENERATE_ESTIMATE));
    }

    private static void assertFit(List<PurchaseSummary> summaries, Reason reason) {
        assertThatThrownBy(() -> BgNbdModel.fit(summaries))
                .isInstanceOfSatisfying(ModelFitException.class, e -> reason(e, reason))
                .hasMessageContaining("BG/NBD");
    }

    private static void reason(ModelFitException e, Reason expected) {
        org.assertj.core.api.Assertions.assertThat(e.reason()).isEqualTo(expected);
    }

    private static Purchase purchase(String key, LocalDate day) {
        return new Purchase(key, day, new BigDecimal("10.00"));
    }
}
