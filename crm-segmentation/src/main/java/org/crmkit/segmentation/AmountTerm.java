package org.crmkit.segmentation;

import java.util.Currency;
import java.util.Optional;

import org.crmkit.spi.Money;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;

/**
 * The sum, average, least or greatest of interaction amounts ({@link Conditions#sum}, {@link Conditions#avg},
 * {@link Conditions#min}, {@link Conditions#max}), to compare with an amount
 * ({@code avg(amount of order_placed) > 50 EUR}) or, given a currency with {@link #in}, with another aggregate.
 * Immutable.
 */
public final class AmountTerm extends WindowedTerm<AmountTerm> {
    private final Aggregate.Function function;

    AmountTerm(Aggregate.Function function, InteractionFilter filter, Optional<Window> window) {
        super(filter, window);
        this.function = function;
    }

    @Override
    AmountTerm with(InteractionFilter narrowed, Optional<Window> within) {
        return new AmountTerm(function, narrowed, within);
    }

    /** The figure of the amounts in {@code currency}, to compare with another: {@code avg(amount in EUR of …)}. */
    public Aggregate.Amount in(Currency currency) {
        return new Aggregate.Amount(function, currency, filter, window);
    }

    /** {@code … op amount}: a sum is a {@link Condition.SumCompare}, the others an {@link AmountCompare}. */
    public Condition is(Operator operator, Money amount) {
        return function == Aggregate.Function.SUM ? new Condition.SumCompare(filter, window, operator, amount)
                : new AmountCompare(function, filter, window, operator, amount);
    }

    public Condition atLeast(Money amount) {
        return is(Operator.GE, amount);
    }

    public Condition atMost(Money amount) {
        return is(Operator.LE, amount);
    }

    public Condition moreThan(Money amount) {
        return is(Operator.GT, amount);
    }

    public Condition lessThan(Money amount) {
        return is(Operator.LT, amount);
    }
}
