package org.crmkit.segmentation.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.crmkit.spi.segment.Condition;

/** Segment references: finding them, and replacing them by the referenced conditions. Stateless. */
public final class Inliner {
    private Inliner() {
    }

    /** The names of the segments {@code c} refers to directly, in order of appearance. */
    public static Set<String> references(Condition c) {
        Set<String> names = new LinkedHashSet<>();
        collect(c, names);
        return names;
    }

    private static void collect(Condition c, Set<String> names) {
        if (c instanceof Condition.SegmentRef ref) {
            names.add(ref.name());
        }
        for (Condition child : TypeChecker.children(c)) {
            collect(child, names);
        }
    }

    /** {@code c} with every reference replaced, transitively, by the referenced condition (there are no cycles). */
    public static Condition inline(Condition c, Map<String, Condition> segments) {
        if (c instanceof Condition.SegmentRef ref) {
            return inline(segments.get(ref.name()), segments);
        } else if (c instanceof Condition.And and) {
            return new Condition.And(inlineAll(and.operands(), segments));
        } else if (c instanceof Condition.Or or) {
            return new Condition.Or(inlineAll(or.operands(), segments));
        } else if (c instanceof Condition.Not not) {
            return new Condition.Not(inline(not.operand(), segments));
        }
        return c;
    }

    private static List<Condition> inlineAll(List<Condition> operands, Map<String, Condition> segments) {
        List<Condition> result = new ArrayList<>(operands.size());
        operands.forEach(o -> result.add(inline(o, segments)));
        return result;
    }
}
