package org.crmkit.spi.segment;

import java.util.Optional;

import org.crmkit.spi.Checks;

/**
 * The number of distinct values property {@code property} takes among the customer's interactions passing the
 * filter (within the window, if any) that have it compares to {@code count}: "viewed at least 3 different pages in
 * 30 days". Values equal as {@link InteractionFilter} defines equality count once. Immutable and thread-safe.
 */
public record DistinctCountCompare(String property, InteractionFilter filter, Optional<Window> window,
                                   Operator operator, long count) implements Condition {
    public DistinctCountCompare {
        Checks.snake(property, "distinctCount.property", 64);
        Checks.notNull(filter, "distinctCount.filter");
        Checks.notNull(window, "distinctCount.window");
        Checks.notNull(operator, "distinctCount.operator");
        Checks.nonNegative(count, "distinctCount.count");
    }
}
