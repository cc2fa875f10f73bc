package org.crmkit.spi.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.crmkit.spi.CrmException;

/** Runs a store call whose outcome a reference model predicted: success, or one of some failures. */
final class Expect {
    private Expect() {
    }

    /**
     * Runs {@code call}. With no {@code failures} it must succeed, and its result is returned; otherwise it must
     * throw one of {@code failures}, and the result is empty.
     */
    static <T> Optional<T> outcome(String what, List<Class<? extends CrmException>> failures, Supplier<T> call) {
        if (failures.isEmpty()) {
            return Optional.of(call.get());
        }
        T result;
        try {
            result = call.get();
        } catch (CrmException e) {
            assertThat(failures).as("%s threw %s, expected one of", what, e).anyMatch(f -> f.isInstance(e));
            return Optional.empty();
        }
        throw new AssertionError(what + " returned " + result + ", expected one of " + failures);
    }
}
