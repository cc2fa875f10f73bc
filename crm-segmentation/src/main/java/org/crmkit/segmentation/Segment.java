package org.crmkit.segmentation;

import java.util.ArrayList;
import java.util.List;

import org.crmkit.spi.Checks;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.SegmentDefinition;

/**
 * A fluent chain building a segment condition from {@link Conditions}, read like the text: {@code and} binds tighter
 * than {@code or}. {@code where(a).or(b).and(c)} is {@code a or (b and c)}, as the text {@code a or b and c} is;
 * {@code where(a).and(b).or(c)} is {@code (a and b) or c}. For {@code (a or b) and c} write
 * {@code where(anyOf(a, b)).and(c)}. An operand built elsewhere (an {@link Conditions#allOf} or
 * {@link Conditions#anyOf}) stays one operand, as a parenthesised part of the text does. The result equals the
 * condition the same text parses to. Immutable and thread-safe.
 */
public final class Segment {
    /** The operands of the top-level {@code or}; each the operands of one {@code and} (one operand: itself). */
    private final List<List<Condition>> disjuncts;

    private Segment(List<List<Condition>> disjuncts) {
        this.disjuncts = disjuncts;
    }

    /** The chain starting with {@code first}. */
    public static Segment where(Condition first) {
        return new Segment(List.of(List.of(Checks.notNull(first, "condition"))));
    }

    /** What came since the last {@code or} (or the start), and {@code next}. */
    public Segment and(Condition next) {
        Checks.notNull(next, "condition");
        List<List<Condition>> copy = new ArrayList<>(disjuncts);
        List<Condition> last = new ArrayList<>(copy.remove(copy.size() - 1));
        last.add(next);
        copy.add(List.copyOf(last));
        return new Segment(List.copyOf(copy));
    }

    /** What came before, or {@code next} (and whatever is {@code and}-ed to it afterwards). */
    public Segment or(Condition next) {
        Checks.notNull(next, "condition");
        List<List<Condition>> copy = new ArrayList<>(disjuncts);
        copy.add(List.of(next));
        return new Segment(List.copyOf(copy));
    }

    /** The condition built. */
    public Condition condition() {
        List<Condition> operands = new ArrayList<>();
        for (List<Condition> conjuncts : disjuncts) {
            operands.add(conjuncts.size() == 1 ? conjuncts.get(0) : new Condition.And(conjuncts));
        }
        return operands.size() == 1 ? operands.get(0) : new Condition.Or(operands);
    }

    /** The segment of this condition named {@code name} (to define in a {@link SegmentCatalog}). */
    public SegmentDefinition named(String name) {
        return new SegmentDefinition(name, condition());
    }
}
