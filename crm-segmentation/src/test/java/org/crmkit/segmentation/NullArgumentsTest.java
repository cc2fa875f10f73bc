package org.crmkit.segmentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;

import org.crmkit.scoring.ExchangeRates;
import org.crmkit.spi.Money;
import org.crmkit.spi.tck.NullArguments;
import org.junit.jupiter.api.Test;

/**
 * Every public static factory and public constructor of the segmentation module's public packages (segments and
 * scoring) refuses a null argument with a {@code ValidationException} (or another {@code CrmException}), never a
 * bare {@code NullPointerException}; see {@link NullArguments}.
 */
class NullArgumentsTest {
    @Test
    void publicFactoriesAndConstructors_refuseNullArgumentsWithAValidationException() {
        NullArguments scan = new NullArguments().sample(ExchangeRates.class, ExchangeRates.none())
                .sample(Money.class, Money.of("1", "EUR")).sample(OptionalInt.class, OptionalInt.of(1));

        assertThat(scan.bareFailures(Segment.class)).isEmpty();
        assertThat(scan.calls()).isPositive();
    }
}
