package org.crmkit.segmentation;

import java.util.Optional;

import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.Window;

/**
 * The number of distinct values of an interaction property ({@link Conditions#countDistinct}), to compare:
 * {@code count(distinct page of page_view within 30d) >= 3}. Immutable.
 */
public final class DistinctCountTerm extends WindowedTerm<DistinctCountTerm> {
    private final String property;

    DistinctCountTerm(String property, InteractionFilter filter, Optional<Window> window) {
        super(filter, window);
        this.property = new Aggregate.CountDistinct(property, filter, window).property();
    }

    @Override
    DistinctCountTerm with(InteractionFilter narrowed, Optional<Window> within) {
        return new DistinctCountTerm(property, narrowed, within);
    }

    /** The figure, to compare with another aggregate. */
    public Aggregate.CountDistinct aggregate() {
        return new Aggregate.CountDistinct(property, filter, window);
    }

    public Condition is(Operator operator, long count) {
        return new DistinctCountCompare(property, filter, window, operator, count);
    }

    public Condition atLeast(long count) {
        return is(Operator.GE, count);
    }

    public Condition atMost(long count) {
        return is(Operator.LE, count);
    }
}
