package org.crmkit.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.spi.ValidationException;

class PurchaseSummaryProperties {
    @Property(seed = "20260102")
    void construction_eitherSucceedsWithTheInvariantsOrThrowsValidationException(
            @ForAll("keys") String key, @ForAll("counts") int frequency, @ForAll("numbers") double recency,
            @ForAll("numbers") double age, @ForAll("spends") OptionalDouble spend) {
        try {
            PurchaseSummary s = new PurchaseSummary(key, frequency, recency, age, spend);
            assertThat(s.frequency()).isNotNegative();
            assertThat(s.recency()).isBetween(0.0, s.age());
            assertThat(Double.isFinite(s.age())).isTrue();
            if (s.frequency() == 0) {
                assertThat(s.recency()).isZero();
                assertThat(s.monetaryMean()).isEmpty();
            }
        } catch (ValidationException e) {
            assertThat(e.field()).isIn("customerKey", "frequency", "recency", "age", "monetaryMean");
        }
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), Arbitraries.just(""),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(10)).injectNull(0.05);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.oneOf(Arbitraries.integers().between(-3, 10), Arbitraries.integers());
    }

    @Provide
    Arbitrary<Double> numbers() {
        return Arbitraries.oneOf(Arbitraries.doubles().between(-5, 60),
                Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MAX_VALUE, Double.MIN_VALUE));
    }

    @Provide
    Arbitrary<OptionalDouble> spends() {
        return numbers().map(OptionalDouble::of).injectNull(0.05)
                .map(o -> o != null && o.getAsDouble() > 50 ? OptionalDouble.empty() : o);
    }
}
