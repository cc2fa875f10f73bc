package org.crmkit.spi.segment;

import java.util.Currency;
import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * A figure of the customer's interactions passing a filter (within a window, if any), as one side of an
 * {@link AggregateCompare}. Immutable and thread-safe.
 */
public sealed interface Aggregate {
    /** The interactions looked at. */
    InteractionFilter filter();

    /** Only interactions at or after the window's start, if present. */
    Optional<Window> window();

    /** Whether the figure is a number of interactions or values (else an amount of money). */
    default boolean isCount() {
        return !(this instanceof Amount);
    }

    /** How many interactions pass; never missing (none is 0). */
    record Count(InteractionFilter filter, Optional<Window> window) implements Aggregate {
        public Count {
            Checks.notNull(filter, "aggregate.filter");
            Checks.notNull(window, "aggregate.window");
        }
    }

    /**
     * How many distinct values property {@code property} takes among the passing interactions that have it (values
     * equal as {@link InteractionFilter} defines equality count once); never missing (none is 0).
     */
    record CountDistinct(String property, InteractionFilter filter, Optional<Window> window) implements Aggregate {
        public CountDistinct {
            Checks.snake(property, "aggregate.property", 64);
            Checks.notNull(filter, "aggregate.filter");
            Checks.notNull(window, "aggregate.window");
        }
    }

    /**
     * The sum, average, least or greatest of the amounts in {@code currency} of the passing interactions;
     * interactions without an amount or in another currency are not looked at. A sum of none is zero; the average,
     * least and greatest of none are missing, and every comparison with a missing figure is false. Averages are
     * compared exactly (no rounding).
     */
    record Amount(Function function, Currency currency, InteractionFilter filter, Optional<Window> window)
            implements Aggregate {
        public Amount {
            Checks.notNull(function, "aggregate.function");
            Checks.notNull(currency, "aggregate.currency");
            Checks.notNull(filter, "aggregate.filter");
            Checks.notNull(window, "aggregate.window");
        }
    }

    /** What an {@link Amount} computes. */
    enum Function {
        SUM, AVG, MIN, MAX
    }
}
