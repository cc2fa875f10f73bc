package org.crmkit.spi.segment;

import org.crmkit.spi.Checks;
import org.crmkit.spi.ValidationException;

/**
 * One figure of the customer's interactions compares to another as {@code operator} says, for instance "more
 * returns than orders in the last 30 days" or "a larger average order in the last 30 days than in the last year".
 * Both are counts ({@link Aggregate.Count}, {@link Aggregate.CountDistinct}) or both amounts in the same currency;
 * false when either is missing. Immutable and thread-safe.
 */
public record AggregateCompare(Aggregate left, Operator operator, Aggregate right) implements Condition {
    public AggregateCompare {
        Checks.notNull(left, "aggregateCompare.left");
        Checks.notNull(operator, "aggregateCompare.operator");
        Checks.notNull(right, "aggregateCompare.right");
        if (left.isCount() != right.isCount()) {
            throw new ValidationException("aggregateCompare.right", "compares a count with an amount");
        }
        if (left instanceof Aggregate.Amount a && right instanceof Aggregate.Amount b
                && !a.currency().equals(b.currency())) {
            throw new ValidationException("aggregateCompare.right", "compares amounts in " + a.currency() + " and "
                    + b.currency());
        }
    }
}
