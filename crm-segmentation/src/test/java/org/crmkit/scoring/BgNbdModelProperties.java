package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;

class BgNbdModelProperties {
    @Property(seed = "20260103")
    void logLikelihood_isFiniteForValidParametersAndData(@ForAll("models") BgNbdModel model,
                                                         @ForAll("data") List<PurchaseSummary> data) {
        assertThat(Double.isFinite(model.logLikelihood(data))).isTrue();
    }

    @Property(seed = "20260104")
    void probabilityAlive_isAProbability(@ForAll("models") BgNbdModel model,
                                         @ForAll("summaries") PurchaseSummary customer) {
        assertThat(model.probabilityAlive(customer)).isBetween(0.0, 1.0);
    }

    @Property(seed = "20260105")
    void expectedPurchases_isNonDecreasingInTime(@ForAll("models") BgNbdModel model,
                                                 @ForAll @DoubleRange(min = 0, max = 520) @Scale(3) double weeks,
                                                 @ForAll @DoubleRange(min = 0, max = 52) @Scale(3) double more) {
        double earlier = model.expectedPurchases(weeks);
        double later = model.expectedPurchases(weeks + more);

        assertThat(earlier).isNotNegative();
        assertThat(later).isGreaterThanOrEqualTo(earlier - 1e-9 * (1 + earlier));
    }

    @Property(seed = "20260106")
    void conditionalExpectedPurchases_isNonDecreasingInTime(@ForAll("models") BgNbdModel model,
                                                            @ForAll("summaries") PurchaseSummary customer,
                                                            @ForAll @DoubleRange(min = 0, max = 260) @Scale(3)
                                                            double weeks,
                                                            @ForAll @DoubleRange(min = 0, max = 52) @Scale(3)
                                                            double more) {
        double earlier = model.conditionalExpectedPurchases(customer, weeks);
        double later = model.conditionalExpectedPurchases(customer, weeks + more);

        assertThat(Double.isFinite(later)).isTrue();
        assertThat(later).isGreaterThanOrEqualTo(earlier - 1e-9 * (1 + earlier));
    }

    @Provide
    Arbitrary<BgNbdModel> models() {
        return Combinators.combine(positive(1e-2, 50), positive(0.1, 100), positive(1e-2, 50), positive(1e-2, 50))
                .as((r, alpha, a, b) -> BgNbdModel.of(new BgNbdParameters(r, alpha, a, b, 0.0)));
    }

    @Provide
    Arbitrary<List<PurchaseSummary>> data() {
        return summaries().list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<PurchaseSummary> summaries() {
        return Combinators.combine(Arbitraries.integers().between(0, 200), positive(1e-3, 1.0), positive(0, 520))
                .as((x, fraction, age) -> x == 0
                        ? PurchaseSummary.of("c", 0, 0, age)
                        : PurchaseSummary.of("c", x, fraction * age, age));
    }

    private static Arbitrary<Double> positive(double min, double max) {
        return Arbitraries.doubles().between(min, max).ofScale(4).filter(v -> v > 0 || min == 0);
    }
}
