package org.crmkit.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.spi.tck.NullArguments;
import org.junit.jupiter.api.Test;

/**
 * Every public static factory and public constructor of the SPI's public packages refuses a null argument with a
 * {@link ValidationException} (or another {@link CrmException}), never a bare {@code NullPointerException}; see
 * {@link NullArguments}.
 */
class NullArgumentsTest {
    @Test
    void publicFactoriesAndConstructors_refuseNullArgumentsWithAValidationException() {
        NullArguments scan = new NullArguments();

        assertThat(scan.bareFailures(Checks.class)).isEmpty();
        assertThat(scan.calls()).isGreaterThan(50);
    }
}
