package org.crmkit.spi.segment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.LifecycleStage;

/**
 * A node of the segment AST: what the segment language, its JSON form and the Java builder all produce. Plain data:
 * every case is a record of names, {@link TypedValue}s, {@link Money}, enums and nested conditions, so a codec can
 * write and read it field by field. Immutable and thread-safe; equal conditions are equal records.
 *
 * <p>The meaning of every node is documented in {@code docs/SEGMENTS.md}. In short: a comparison on an attribute
 * the customer does not have is false (also {@code !=}); {@code not} negates the whole of its operand.
 *
 * <p>The cases of the original language are nested here; later ones live in files of their own in this package
 * ({@link TextMatch}, {@link Matches}, {@link EmailDomainIn}, {@link AmountCompare}, {@link DistinctCountCompare},
 * {@link AggregateCompare}, {@link TimeSince}, {@link AnniversaryWithin}, {@link AddressCountryIn},
 * {@link PostalCodeStartsWith}, {@link WithinDistance}).
 */
public sealed interface Condition permits Condition.And, Condition.Or, Condition.Not, Condition.Compare, Condition.In,
        Condition.Between, Condition.Exists, Condition.Contains, Condition.StartsWith, Condition.StageIn,
        Condition.HasTag, Condition.CountCompare, Condition.SumCompare, Condition.OccurredWithin,
        Condition.ScoreCompare, Condition.SegmentRef, Condition.FunctionCall, TextMatch, Matches, EmailDomainIn,
        AmountCompare, DistinctCountCompare, AggregateCompare, TimeSince, AnniversaryWithin, AddressCountryIn,
        PostalCodeStartsWith, WithinDistance {
    /** Most operands of one {@code and}/{@code or}, values of one {@code in}, arguments of one function call. */
    int MAX_OPERANDS = 1_000;
    /** Score names: lower-case names separated by dots, such as {@code rfm.recency} or {@code engagement}. */
    Pattern SCORE_NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    /** All operands hold; at least two, in the order written. */
    record And(List<Condition> operands) implements Condition {
        public And {
            operands = checkOperands(operands, "and.operands");
        }
    }

    /** At least one operand holds; at least two, in the order written. */
    record Or(List<Condition> operands) implements Condition {
        public Or {
            operands = checkOperands(operands, "or.operands");
        }
    }

    /** The operand does not hold. */
    record Not(Condition operand) implements Condition {
        public Not {
            Checks.notNull(operand, "not.operand");
        }
    }

    /** The attribute exists and compares to {@code value} as {@code operator} says. */
    record Compare(String attribute, Operator operator, TypedValue value) implements Condition {
        public Compare {
            checkAttribute(attribute);
            Checks.notNull(operator, "compare.operator");
            Checks.notNull(value, "compare.value");
        }
    }

    /** The attribute exists and equals one of {@code values} (1 to {@value #MAX_OPERANDS}, in the order written). */
    record In(String attribute, List<TypedValue> values) implements Condition {
        public In {
            checkAttribute(attribute);
            values = List.copyOf(Checks.noNullElements(values, "in.values"));
            if (values.isEmpty() || values.size() > MAX_OPERANDS) {
                throw new ValidationException("in.values", "must hold 1 to " + MAX_OPERANDS + " values");
            }
        }
    }

    /** The attribute exists and lies between {@code low} and {@code high}, both inclusive. */
    record Between(String attribute, TypedValue low, TypedValue high) implements Condition {
        public Between {
            checkAttribute(attribute);
            Checks.notNull(low, "between.low");
            Checks.notNull(high, "between.high");
        }
    }

    /** The customer has the attribute. */
    record Exists(String attribute) implements Condition {
        public Exists {
            checkAttribute(attribute);
        }
    }

    /** The text attribute exists and contains {@code text} (case-sensitive). */
    record Contains(String attribute, String text) implements Condition {
        public Contains {
            checkAttribute(attribute);
            Checks.bounded(text, "contains.text", TypedValue.MAX_TEXT_LENGTH);
        }
    }

    /** The text attribute exists and starts with {@code prefix} (case-sensitive). */
    record StartsWith(String attribute, String prefix) implements Condition {
        public StartsWith {
            checkAttribute(attribute);
            Checks.bounded(prefix, "startsWith.prefix", TypedValue.MAX_TEXT_LENGTH);
        }
    }

    /** The customer's current lifecycle stage is one of {@code stages} (non-empty). */
    record StageIn(Set<LifecycleStage> stages) implements Condition {
        public StageIn {
            Checks.noNullElements(stages, "stage.stages");
            if (stages.isEmpty()) {
                throw new ValidationException("stage.stages", "must not be empty");
            }
            stages = Collections.unmodifiableSet(EnumSet.copyOf(stages));
        }

        public static StageIn of(LifecycleStage... stages) {
            return new StageIn(Set.copyOf(List.of(stages)));
        }
    }

    /** The customer carries the tag. */
    record HasTag(String tag) implements Condition {
        public HasTag {
            Checks.token(tag, "tag", 64);
        }
    }

    /** The number of the customer's interactions passing the filter (within the window, if any) compares to count. */
    record CountCompare(InteractionFilter filter, Optional<Window> window, Operator operator, long count)
            implements Condition {
        public CountCompare {
            Checks.notNull(filter, "count.filter");
            Checks.notNull(window, "count.window");
            Checks.notNull(operator, "count.operator");
            Checks.nonNegative(count, "count.count");
        }
    }

    /**
     * The sum of the amounts, in {@code amount}'s currency, of the customer's interactions passing the filter (within
     * the window, if any) compares to {@code amount}. Interactions without an amount or in another currency add
     * nothing; no interaction sums to zero.
     */
    record SumCompare(InteractionFilter filter, Optional<Window> window, Operator operator, Money amount)
            implements Condition {
        public SumCompare {
            Checks.notNull(filter, "sum.filter");
            Checks.notNull(window, "sum.window");
            Checks.notNull(operator, "sum.operator");
            Checks.notNull(amount, "sum.amount");
        }
    }

    /** The customer's last interaction passing the filter occurred within the window. */
    record OccurredWithin(InteractionFilter filter, Window window) implements Condition {
        public OccurredWithin {
            Checks.notNull(filter, "last.filter");
            Checks.notNull(window, "last.window");
        }
    }

    /**
     * The customer has the score and it compares to {@code value}. {@code value} is held without trailing zeros.
     *
     * @param score a name matching {@link #SCORE_NAME}, at most 64 characters
     */
    record ScoreCompare(String score, Operator operator, BigDecimal value) implements Condition {
        public ScoreCompare {
            Checks.matching(score, "score.name", SCORE_NAME, 64, "lower-case names separated by dots");
            Checks.notNull(operator, "score.operator");
            value = ((TypedValue.Number) TypedValue.of(Checks.notNull(value, "score.value"))).value();
        }
    }

    /** The customer is a member of the named segment. */
    record SegmentRef(String name) implements Condition {
        public SegmentRef {
            Checks.snake(name, "segment.name", 64);
        }
    }

    /**
     * A predicate function the host registered (for example {@code can_contact(email, marketing)}) holds. A bare word
     * argument is a {@link TypedValue.Choice}.
     */
    record FunctionCall(String name, List<TypedValue> arguments) implements Condition {
        public FunctionCall {
            Checks.snake(name, "function.name", 64);
            arguments = List.copyOf(Checks.noNullElements(arguments, "function.arguments"));
            if (arguments.size() > MAX_OPERANDS) {
                throw new ValidationException("function.arguments", "more than " + MAX_OPERANDS);
            }
        }
    }

    private static List<Condition> checkOperands(List<Condition> operands, String field) {
        List<Condition> copy = List.copyOf(Checks.noNullElements(operands, field));
        if (copy.size() < 2 || copy.size() > MAX_OPERANDS) {
            throw new ValidationException(field, "must hold 2 to " + MAX_OPERANDS + " conditions");
        }
        return copy;
    }

    private static void checkAttribute(String name) {
        Checks.snake(name, "attribute", 64);
    }
}
