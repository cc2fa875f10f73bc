package org.crmkit.segmentation.internal;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.crmkit.segmentation.CustomerSnapshot;
import org.crmkit.segmentation.PredicateFunction;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.EmailDomainIn;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.Matches;
import org.crmkit.spi.segment.Operator;
import org.crmkit.spi.segment.PostalCodeStartsWith;
import org.crmkit.spi.segment.TextMatch;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.WithinDistance;

/**
 * Compiles a type-checked condition into a tree of small {@link Test} closures, once, so that millions of customers
 * can be decided without interpreting the AST. A {@link Condition.SegmentRef} is compiled as the referenced
 * segment's condition. Not thread-safe (it registers windows); the tests it makes are.
 *
 * @param segments  every segment's condition by name (the catalog has ruled out cycles)
 * @param functions the predicate functions by name
 * @param windows   where window indexes are registered
 */
public record Compiler(Map<String, Condition> segments, Map<String, PredicateFunction> functions,
                       WindowTable windows) {
    public Test compile(Condition c) {
        if (c instanceof Condition.And and) {
            Test[] parts = all(and.operands());
            return (s, w) -> {
                for (Test t : parts) {
                    if (!t.test(s, w)) {
                        return false;
                    }
                }
                return true;
            };
        } else if (c instanceof Condition.Or or) {
            Test[] parts = all(or.operands());
            return (s, w) -> {
                for (Test t : parts) {
                    if (t.test(s, w)) {
                        return true;
                    }
                }
                return false;
            };
        } else if (c instanceof Condition.Not not) {
            Test inner = compile(not.operand());
            return (s, w) -> !inner.test(s, w);
        } else if (c instanceof Condition.SegmentRef ref) {
            return compile(segments.get(ref.name()));
        }
        return attributes(c);
    }

    private Test[] all(List<Condition> operands) {
        Test[] tests = new Test[operands.size()];
        for (int i = 0; i < tests.length; i++) {
            tests[i] = compile(operands.get(i));
        }
        return tests;
    }

    private Test attributes(Condition c) {
        if (c instanceof Condition.Compare cmp) {
            return compare(cmp);
        } else if (c instanceof Condition.In in) {
            return in(in);
        } else if (c instanceof Condition.Between b) {
            String name = b.attribute();
            TypedValue low = b.low();
            TypedValue high = b.high();
            return (s, w) -> {
                TypedValue v = s.attribute(name);
                if (v == null) {
                    return false;
                }
                int fromLow = Values.compare(v, low);
                int toHigh = Values.compare(v, high);
                return fromLow != Values.INCOMPARABLE && toHigh != Values.INCOMPARABLE && fromLow >= 0 && toHigh <= 0;
            };
        } else if (c instanceof Condition.Exists e) {
            String name = e.attribute();
            return (s, w) -> s.attributeIndex(name) >= 0;
        } else if (c instanceof Condition.Contains ct) {
            String name = ct.attribute();
            String text = ct.text();
            return (s, w) -> s.attribute(name) instanceof TypedValue.Text t
                    && t.value().contains(text);
        } else if (c instanceof Condition.StartsWith sw) {
            String name = sw.attribute();
            String prefix = sw.prefix();
            return (s, w) -> s.attribute(name) instanceof TypedValue.Text t
                    && t.value().startsWith(prefix);
        } else if (c instanceof TextMatch || c instanceof Matches || c instanceof EmailDomainIn) {
            return TextTests.compile(c);
        } else if (c instanceof TimeSince || c instanceof AnniversaryWithin) {
            return DateTests.compile(c, windows);
        } else if (c instanceof AddressCountryIn || c instanceof PostalCodeStartsWith || c instanceof WithinDistance) {
            return GeoTests.compile(c);
        }
        return profile(c);
    }

    private Test profile(Condition c) {
        if (c instanceof Condition.StageIn st) {
            Set<LifecycleStage> stages = EnumSet.copyOf(st.stages());
            return (s, w) -> stages.contains(s.stage);
        } else if (c instanceof Condition.HasTag tag) {
            String name = tag.tag();
            return (s, w) -> s.hasTag(name);
        } else if (c instanceof Condition.ScoreCompare sc) {
            String name = sc.score();
            double value = sc.value().doubleValue();
            Operator op = sc.operator();
            return (s, w) -> {
                int i = s.scoreIndex(name);
                return i >= 0 && op.test(Double.compare(s.score(i), value));
            };
        } else if (c instanceof Condition.FunctionCall f) {
            PredicateFunction fn = functions.get(f.name());
            List<TypedValue> args = f.arguments();
            PredicateFunction.Evaluation evaluation = fn.evaluation();
            return (s, w) -> evaluation.test((CustomerSnapshot) s, args);
        }
        return interactions(c);
    }

    private Test interactions(Condition c) {
        if (c instanceof Condition.CountCompare cc) {
            InteractionFilter filter = cc.filter();
            Bounds bounds = Bounds.of(cc.window(), windows);
            long count = cc.count();
            Operator op = cc.operator();
            return (s, w) -> op.test(Long.compare(s.interactions.count(filter, bounds.from(w), bounds.until(w)),
                    count));
        } else if (c instanceof Condition.SumCompare sc) {
            InteractionFilter filter = sc.filter();
            Bounds bounds = Bounds.of(sc.window(), windows);
            Operator op = sc.operator();
            return (s, w) -> op.test(s.interactions.compareSum(filter, bounds.from(w), bounds.until(w),
                    sc.amount()));
        }
        if (!(c instanceof Condition.OccurredWithin)) {
            return Aggregates.compile(c, windows);
        }
        Condition.OccurredWithin ow = (Condition.OccurredWithin) c;
        InteractionFilter filter = ow.filter();
        Bounds bounds = Bounds.of(Optional.of(ow.window()), windows);
        return (s, w) -> s.interactions.occurredBetween(filter, bounds.from(w), bounds.until(w));
    }

    private static Test compare(Condition.Compare cmp) {
        String name = cmp.attribute();
        TypedValue literal = cmp.value();
        Operator op = cmp.operator();
        if (literal instanceof TypedValue.Text || literal instanceof TypedValue.Choice) {
            String text = Values.text(literal);
            int hash = text.hashCode();
            if (op == Operator.EQ) {
                return (s, w) -> {
                    String v = s.text(name);
                    return v != null && v.hashCode() == hash && v.equals(text);
                };
            }
            if (op == Operator.NE) {
                return (s, w) -> {
                    String v = s.text(name);
                    return v != null && (v.hashCode() != hash || !v.equals(text));
                };
            }
        } else if (literal instanceof TypedValue.Number n) {
            BigDecimal number = n.value();
            return (s, w) -> s.attribute(name) instanceof TypedValue.Number v
                    && op.test(v.value().compareTo(number));
        }
        return (s, w) -> {
            TypedValue v = s.attribute(name);
            if (v == null) {
                return false;
            }
            int comparison = Values.compare(v, literal);
            return comparison != Values.INCOMPARABLE && op.test(comparison);
        };
    }

    private static Test in(Condition.In in) {
        String name = in.attribute();
        List<TypedValue> values = in.values();
        if (values.stream().allMatch(v -> v instanceof TypedValue.Text || v instanceof TypedValue.Choice)) {
            Set<String> texts = new HashSet<>();
            values.forEach(v -> texts.add(Values.text(v)));
            return (s, w) -> {
                String text = s.text(name);
                return text != null && texts.contains(text);
            };
        }
        TypedValue[] array = values.toArray(TypedValue[]::new);
        return (s, w) -> {
            TypedValue v = s.attribute(name);
            if (v != null) {
                for (TypedValue candidate : array) {
                    if (Values.compare(v, candidate) == 0) {
                        return true;
                    }
                }
            }
            return false;
        };
    }
}
