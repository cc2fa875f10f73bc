package org.crmkit.spi.segment;

import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.ValidationException;

/**
 * The average, least or greatest of the amounts in {@code amount}'s currency of the customer's interactions passing
 * the filter (within the window, if any) exists and compares to {@code amount}; with no such amount it is missing
 * and the condition false. A sum is a {@link Condition.SumCompare} (a sum of none is zero), so {@code SUM} is
 * refused here. Averages are compared exactly. Immutable and thread-safe.
 */
public record AmountCompare(Aggregate.Function function, InteractionFilter filter, Optional<Window> window,
                            Operator operator, Money amount) implements Condition {
    public AmountCompare {
        Checks.notNull(function, "amountCompare.function");
        if (function == Aggregate.Function.SUM) {
            throw new ValidationException("amountCompare.function", "a sum is a sumCompare condition");
        }
        Checks.notNull(filter, "amountCompare.filter");
        Checks.notNull(window, "amountCompare.window");
        Checks.notNull(operator, "amountCompare.operator");
        Checks.notNull(amount, "amountCompare.amount");
    }
}
