package org.crmkit.consent;

import static org.assertj.core.api.Assertions.assertThat;

import org.crmkit.spi.tck.NullArguments;
import org.junit.jupiter.api.Test;

/**
 * Every public static factory and public constructor of the consent engine's public packages refuses a null
 * argument with a {@code ValidationException} (or another {@code CrmException}), never a bare
 * {@code NullPointerException}; see {@link NullArguments}.
 */
class NullArgumentsTest {
    @Test
    void publicFactoriesAndConstructors_refuseNullArgumentsWithAValidationException() {
        NullArguments scan = new NullArguments();

        assertThat(scan.bareFailures(ConsentService.class)).isEmpty();
        assertThat(scan.calls()).isPositive();
    }
}
