package org.crmkit.segmentation.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.segmentation.SegmentTypeException;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.ValueType;
import org.crmkit.spi.customer.AttributeDefinition;
import org.crmkit.spi.customer.AttributeSchema;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;

/**
 * Checks a condition against what a catalog knows: attributes and their types, scores, functions and segments.
 * Stateless and thread-safe.
 *
 * @param schema    the attributes
 * @param scores    the score names
 * @param functions the predicate functions by name
 * @param types     the interaction types that may be named
 * @param segments  the names of the segments that may be referenced
 */
public record TypeChecker(AttributeSchema schema, Set<String> scores, Map<String, PredicateFunction> functions,
                          Set<InteractionType> types, Set<String> segments) {
    /** @throws SegmentTypeException naming {@code segment}, the first offending node and the reason */
    public void check(String segment, Condition condition) {
        checkDepth(segment, condition);
        new Run(segment).visit(condition);
    }

    private static void checkDepth(String segment, Condition condition) {
        Deque<Condition> nodes = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        nodes.push(condition);
        depths.push(0);
        while (!nodes.isEmpty()) {
            Condition c = nodes.pop();
            int depth = depths.pop();
            if (depth > Parser.MAX_NESTING) {
                throw new SegmentTypeException(segment, condition, "nesting deeper than " + Parser.MAX_NESTING);
            }
            for (Condition child : children(c)) {
                nodes.push(child);
                depths.push(depth + 1);
            }
        }
    }

    static List<Condition> children(Condition c) {
        if (c instanceof Condition.And and) {
            return and.operands();
        } else if (c instanceof Condition.Or or) {
            return or.operands();
        } else if (c instanceof Condition.Not not) {
            return List.of(not.operand());
        }
        return List.of();
    }

    private final class Run {
        private final String segment;

        Run(String segment) {
            this.segment = segment;
        }

        void visit(Condition c) {
            for (Condition child : children(c)) {
                visit(child);
            }
            if (c instanceof Condition.Compare cmp) {
                AttributeDefinition d = attribute(c, cmp.attribute());
                if (cmp.operator().isOrdering()) {
                    ordered(c, d);
                }
                value(c, d, cmp.value());
            } else if (c instanceof Condition.In in) {
                AttributeDefinition d = attribute(c, in.attribute());
                in.values().forEach(v -> value(c, d, v));
            } else if (c instanceof Condition.Between b) {
                AttributeDefinition d = attribute(c, b.attribute());
                ordered(c, d);
                value(c, d, b.low());
                value(c, d, b.high());
            } else if (c instanceof Condition.Exists e) {
                attribute(c, e.attribute());
            } else if (c instanceof Condition.Contains ct) {
                text(c, attribute(c, ct.attribute()));
            } else if (c instanceof Condition.StartsWith sw) {
                text(c, attribute(c, sw.attribute()));
            } else if (c instanceof TimeSince ts && ts.attribute().isPresent()) {
                date(c, attribute(c, ts.attribute().get()));
            } else if (c instanceof AnniversaryWithin a) {
                date(c, attribute(c, a.attribute()));
            } else if (c instanceof WithinDistance d) {
                number(c, attribute(c, d.latitude()));
                number(c, attribute(c, d.longitude()));
            } else if (c instanceof TextMatch tm) {
                text(c, attribute(c, tm.attribute()));
            } else if (c instanceof Matches m) {
                text(c, attribute(c, m.attribute()));
                try {
                    Regexes.compile(m.pattern());
                } catch (ValidationException e) {
                    throw fail(c, "pattern " + e.reason());
                }
            } else if (c instanceof Condition.ScoreCompare s && !scores.contains(s.score())) {
                throw fail(c, "unknown score '" + s.score() + "'");
            } else if (c instanceof Condition.SegmentRef r && !segments.contains(r.name())) {
                throw fail(c, "unknown segment '" + r.name() + "'");
            } else if (c instanceof Condition.FunctionCall f) {
                call(f);
            } else {
                interactions(c);
            }
        }

        private void interactions(Condition c) {
            for (Aggregates.Source source : Aggregates.sources(c)) {
                filter(c, source.filter());
            }
        }

        private void filter(Condition c, InteractionFilter f) {
            for (InteractionType t : f.types()) {
                if (!types.contains(t)) {
                    throw fail(c, "unknown interaction type '" + t + "' (a host registers its own types in the"
                            + " segment catalog)");
                }
            }
        }

        private AttributeDefinition attribute(Condition c, String name) {
            return schema.definition(name).orElseThrow(() -> fail(c, "unknown attribute '" + name + "'"));
        }

        private void ordered(Condition c, AttributeDefinition d) {
            if (d.type() != ValueType.NUMBER && d.type() != ValueType.DATE && d.type() != ValueType.MONEY) {
                throw fail(c, "attribute '" + d.name() + "' of type " + d.type() + " has no order (only NUMBER,"
                        + " DATE and MONEY have)");
            }
        }

        private void number(Condition c, AttributeDefinition d) {
            if (d.type() != ValueType.NUMBER) {
                throw fail(c, "attribute '" + d.name() + "' of type " + d.type() + " is not a number");
            }
        }

        private void date(Condition c, AttributeDefinition d) {
            if (d.type() != ValueType.DATE) {
                throw fail(c, "attribute '" + d.name() + "' of type " + d.type() + " is not a date");
            }
        }

        private void text(Condition c, AttributeDefinition d) {
            if (d.type() != ValueType.STRING) {
                throw fail(c, "attribute '" + d.name() + "' of type " + d.type() + " is not text");
            }
        }

        private void value(Condition c, AttributeDefinition d, TypedValue v) {
            Optional<String> problem = mismatch(d, v);
            if (problem.isPresent()) {
                throw fail(c, "attribute '" + d.name() + "' " + problem.get());
            }
        }

        private void call(Condition.FunctionCall f) {
            PredicateFunction fn = functions.get(f.name());
            if (fn == null) {
                throw fail(f, "unknown function '" + f.name() + "'");
            }
            if (fn.parameters().size() != f.arguments().size()) {
                throw fail(f, "function '" + f.name() + "' takes " + fn.parameters().size() + " arguments, not "
                        + f.arguments().size());
            }
            for (int i = 0; i < fn.parameters().size(); i++) {
                AttributeDefinition p = fn.parameters().get(i);
                Optional<String> problem = mismatch(p, f.arguments().get(i));
                if (problem.isPresent()) {
                    throw fail(f, "argument " + (i + 1) + " (" + p.name() + ") " + problem.get());
                }
            }
        }

        private SegmentTypeException fail(Condition node, String reason) {
            return new SegmentTypeException(segment, node, reason);
        }
    }

    /** Why {@code v} does not fit {@code d}, if it does not; a text fits an enumeration whose constant it is. */
    static Optional<String> mismatch(AttributeDefinition d, TypedValue v) {
        TypedValue fitted = d.type() == ValueType.ENUMERATION && v instanceof TypedValue.Text t ? asChoice(t) : v;
        if (fitted.type() != d.type()) {
            return Optional.of("is of type " + d.type() + ", compared with a " + v.type() + " "
                    + Printer.literal(v));
        }
        try {
            d.check(fitted);
            return Optional.empty();
        } catch (ValidationException e) {
            return Optional.of(e.reason() + " (" + Printer.literal(v) + ")");
        }
    }

    private static TypedValue asChoice(TypedValue.Text t) {
        try {
            return TypedValue.choice(t.value());
        } catch (ValidationException e) {
            return t;
        }
    }
}
