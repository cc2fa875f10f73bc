package org.crmkit.scoring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class SpecialFunctionsTest {
    @Test
    void logGamma_matchesKnownValues() {
        assertThat(SpecialFunctions.logGamma(0.5)).isCloseTo(0.5723649429247001, within(1e-14));
        assertThat(SpecialFunctions.logGamma(1.0)).isCloseTo(0.0, within(1e-14));
        assertThat(SpecialFunctions.logGamma(2.0)).isCloseTo(0.0, within(1e-14));
        assertThat(SpecialFunctions.logGamma(10.0)).isCloseTo(Math.log(362880), within(1e-13));
        assertThat(SpecialFunctions.logGamma(100.0)).isCloseTo(359.13420536957540, within(1e-11));
        assertThat(SpecialFunctions.logGamma(1e-3)).isCloseTo(6.907178885383854, within(1e-12));
    }

    @Test
    void digamma_matchesKnownValues() {
        assertThat(SpecialFunctions.digamma(1.0)).isCloseTo(-0.5772156649015329, within(1e-14));
        assertThat(SpecialFunctions.digamma(0.5)).isCloseTo(-1.9635100260214235, within(1e-14));
        assertThat(SpecialFunctions.digamma(10.0)).isCloseTo(2.251752589066721, within(1e-14));
    }

    @Test
    void logGamma_rejectsNonPositiveArguments() {
        assertThatThrownBy(() -> SpecialFunctions.logGamma(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SpecialFunctions.digamma(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(seed = "20260101")
    void logGamma_satisfiesTheRecurrence(@ForAll @DoubleRange(min = 1e-6, max = 1e6) @Scale(8) double x) {
        double difference = SpecialFunctions.logGamma(x + 1) - SpecialFunctions.logGamma(x);
        assertThat(difference).isCloseTo(Math.log(x), within(1e-12 * (1 + Math.abs(SpecialFunctions.logGamma(x)))));
    }

    @Property(seed = "20260101")
    void digamma_satisfiesTheRecurrence(@ForAll @DoubleRange(min = 1e-3, max = 1e6) @Scale(6) double x) {
        double difference = SpecialFunctions.digamma(x + 1) - SpecialFunctions.digamma(x);
        assertThat(difference).isCloseTo(1 / x, within(1e-12 * (1 / x + Math.abs(SpecialFunctions.digamma(x)))));
    }
}
