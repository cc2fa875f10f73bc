package org.crmkit.segmentation.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.spi.TypedValue;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;
import org.jspecify.annotations.Nullable;

/**
 * The aggregates of interactions: which filters and windows a node reads, and the compiled tests of the aggregates
 * added to the original count, sum and last ({@link AmountCompare}, {@link DistinctCountCompare},
 * {@link AggregateCompare}). Figures are exact fractions, so averages compare without rounding. Stateless.
 */
public final class Aggregates {
    private Aggregates() {
    }

    /**
     * The interactions one aggregate of a node reads.
     *
     * @param filter which interactions
     * @param window since when, if bounded
     */
    public record Source(InteractionFilter filter, Optional<Window> window) {
    }

    /** The aggregates {@code c} itself reads (not its operands'): none for a node that reads no interactions. */
    public static List<Source> sources(Condition c) {
        if (c instanceof Condition.CountCompare cc) {
            return List.of(new Source(cc.filter(), cc.window()));
        } else if (c instanceof Condition.SumCompare sc) {
            return List.of(new Source(sc.filter(), sc.window()));
        } else if (c instanceof Condition.OccurredWithin ow) {
            return List.of(new Source(ow.filter(), Optional.of(ow.window())));
        } else if (c instanceof AmountCompare ac) {
            return List.of(new Source(ac.filter(), ac.window()));
        } else if (c instanceof DistinctCountCompare dc) {
            return List.of(new Source(dc.filter(), dc.window()));
        } else if (c instanceof AggregateCompare ag) {
            return List.of(new Source(ag.left().filter(), ag.left().window()),
                    new Source(ag.right().filter(), ag.right().window()));
        }
        return List.of();
    }

    /** The test of {@code c}, an {@link AmountCompare}, {@link DistinctCountCompare} or {@link AggregateCompare}. */
    static Test compile(Condition c, WindowTable windows) {
        if (c instanceof AmountCompare ac) {
            Figure figure = figure(new Aggregate.Amount(ac.function(), ac.amount().currency(), ac.filter(),
                    ac.window()), windows);
            return compare(figure, ac.operator(), constant(ac.amount().amount()));
        } else if (c instanceof DistinctCountCompare dc) {
            Figure figure = figure(new Aggregate.CountDistinct(dc.property(), dc.filter(), dc.window()), windows);
            return compare(figure, dc.operator(), constant(BigDecimal.valueOf(dc.count())));
        }
        AggregateCompare ag = (AggregateCompare) c;
        return compare(figure(ag.left(), windows), ag.operator(), figure(ag.right(), windows));
    }

    private static Test compare(Figure left, Operator operator, Figure right) {
        return (s, w) -> {
            Fraction a = left.of(s, w);
            Fraction b = right.of(s, w);
            return a != null && b != null && operator.test(a.compareTo(b));
        };
    }

    private static Figure constant(BigDecimal value) {
        Fraction f = new Fraction(value, 1);
        return (s, w) -> f;
    }

    private static Figure figure(Aggregate a, WindowTable windows) {
        Bounds bounds = Bounds.of(a.window(), windows);
        InteractionFilter filter = a.filter();
        if (a instanceof Aggregate.Count) {
            return (s, w) -> new Fraction(BigDecimal.valueOf(s.interactions.count(filter, bounds.from(w),
                    bounds.until(w))), 1);
        } else if (a instanceof Aggregate.CountDistinct d) {
            String property = d.property();
            return (s, w) -> new Fraction(BigDecimal.valueOf(distinct(s.interactions.propertyValues(filter,
                    bounds.from(w), bounds.until(w), property))), 1);
        }
        Aggregate.Amount m = (Aggregate.Amount) a;
        return (s, w) -> amount(m.function(), s.interactions.amounts(filter, bounds.from(w), bounds.until(w),
                m.currency()));
    }

    private static int distinct(List<TypedValue> values) {
        Set<Object> keys = new HashSet<>();
        for (TypedValue v : values) {
            String text = Values.textOrNull(v);
            keys.add(text != null ? text : v);
        }
        return keys.size();
    }

    private static @Nullable Fraction amount(Aggregate.Function function, List<BigDecimal> amounts) {
        if (function == Aggregate.Function.SUM || function == Aggregate.Function.AVG) {
            if (function == Aggregate.Function.AVG && amounts.isEmpty()) {
                return null;
            }
            BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            return new Fraction(sum, function == Aggregate.Function.SUM ? 1 : amounts.size());
        }
        List<BigDecimal> sorted = new ArrayList<>(amounts);
        sorted.sort(null);
        if (sorted.isEmpty()) {
            return null;
        }
        return new Fraction(function == Aggregate.Function.MIN ? sorted.get(0) : sorted.get(sorted.size() - 1), 1);
    }

    /** A figure of one customer: an exact fraction, or null when missing. */
    @FunctionalInterface
    private interface Figure {
        @Nullable Fraction of(SnapshotData s, long[] starts);
    }

    /** {@code numerator / denominator}, the denominator positive. */
    private record Fraction(BigDecimal numerator, long denominator) implements Comparable<Fraction> {
        @Override
        public int compareTo(Fraction o) {
            return numerator.multiply(BigDecimal.valueOf(o.denominator))
                    .compareTo(o.numerator.multiply(BigDecimal.valueOf(denominator)));
        }
    }
}
