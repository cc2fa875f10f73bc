package org.crmkit.segmentation;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.Checks;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * A fluent chain building a segment condition from {@link Conditions}, applied left to right:
 * {@code where(a).and(b).and(c)} is {@code a and b and c}; {@code where(a).and(b).or(c)} is
 * {@code (a and b) or c}. The result equals the condition the same text parses to. Immutable and thread-safe.
 */
public final class Segment {
    private final Condition condition;
    private final boolean chainedAnd;
    private final boolean chainedOr;

    private Segment(Condition condition, boolean chainedAnd, boolean chainedOr) {
        this.condition = condition;
        this.chainedAnd = chainedAnd;
        this.chainedOr = chainedOr;
    }

    /** The chain starting with {@code first}. */
    public static Segment where(Condition first) {
        return new Segment(Checks.notNull(first, "condition"), false, false);
    }

    /** What came before, and {@code next}. */
    public Segment and(Condition next) {
        Checks.notNull(next, "condition");
        List<Condition> operands = new ArrayList<>();
        if (chainedAnd) {
            operands.addAll(((Condition.And) condition).operands());
        } else {
            operands.add(condition);
        }
        operands.add(next);
        return new Segment(new Condition.And(operands), true, false);
    }

    /** What came before, or {@code next}. */
    public Segment or(Condition next) {
        Checks.notNull(next, "condition");
        List<Condition> operands = new ArrayList<>();
        if (chainedOr) {
            operands.addAll(((Condition.Or) condition).operands());
        } else {
            operands.add(condition);
        }
        operands.add(next);
        return new Segment(new Condition.Or(operands), false, true);
    }

    /** The condition built. */
    public Condition condition() {
        return condition;
    }

    /** The segment of this condition named {@code name} (to define in a {@link SegmentCatalog}). */
    public SegmentDefinition named(String name) {
        return new SegmentDefinition(name, condition);
    }
}
