package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.crmkit.segmentation.internal.Regexes;
import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.LifecycleStage;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.AddressCountryIn;
import org.crmkit.spi.segment.Aggregate;
import org.crmkit.spi.segment.AggregateCompare;
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
import org.crmkit.spi.segment.Window;

/**
 * Static factories of the Java form of the segment language, to import statically and combine with
 * {@link Segment#where}:
 *
 * <pre>{@code
 * Segment.where(stage(CUSTOMER))
 *        .and(attribute("city").eq("Berlin"))
 *        .and(count(ORDER_PLACED).within(Period.ofDays(90)).atLeast(2))
 *        .and(last(Channel.WEB).within(Window.days(30)))
 *        .and(score("engagement").gt(50))
 *        .named("active_berliners");
 * }</pre>
 *
 * Each factory gives the same {@link Condition} as the text it mirrors (documented per method). Stateless.
 */
public final class Conditions {
    private Conditions() {
    }

    /** A test of attribute {@code name}: {@code name = …}, {@code name in (…)}, … */
    public static AttributeTerm attribute(String name) {
        return new AttributeTerm(name);
    }

    /** {@code stage = s} or {@code stage in (s, …)}. */
    public static Condition stage(LifecycleStage stage, LifecycleStage... more) {
        List<LifecycleStage> all = new ArrayList<>(List.of(more));
        all.add(Checks.notNull(stage, "stage"));
        return new Condition.StageIn(Set.copyOf(all));
    }

    /** {@code tags contains "tag"}. */
    public static Condition tag(String tag) {
        return new Condition.HasTag(tag);
    }

    /** {@code count(type, more… …)}: interactions of any of the types. */
    public static CountTerm count(InteractionType type, InteractionType... more) {
        return new CountTerm(InteractionFilter.of(type, more), Optional.empty());
    }

    /** {@code count(channel …)}. */
    public static CountTerm count(Channel channel) {
        return new CountTerm(InteractionFilter.on(channel), Optional.empty());
    }

    /**
     * The filter of interactions of any of the types, to refine with {@link InteractionFilter#withChannel},
     * {@code withDirection}, {@code withCampaign} and {@code withProperty}: {@code interactions(PAGE_VIEW)
     * .withProperty("page", TypedValue.of("/pricing"))} is {@code page_view where page = "/pricing"}.
     */
    public static InteractionFilter interactions(InteractionType type, InteractionType... more) {
        return InteractionFilter.of(type, more);
    }

    /** {@code count(filter …)}. */
    public static CountTerm count(InteractionFilter filter) {
        return new CountTerm(Checks.notNull(filter, "filter"), Optional.empty());
    }

    /** {@code sum(type, more… …)}: interactions of any of the types. */
    public static AmountTerm sum(InteractionType type, InteractionType... more) {
        return new AmountTerm(Aggregate.Function.SUM, InteractionFilter.of(type, more), Optional.empty());
    }

    /** {@code sum(filter …)}. */
    public static AmountTerm sum(InteractionFilter filter) {
        return new AmountTerm(Aggregate.Function.SUM, Checks.notNull(filter, "filter"), Optional.empty());
    }

    /** {@code last(type, more…) within …}: interactions of any of the types. */
    public static LastTerm last(InteractionType type, InteractionType... more) {
        return new LastTerm(InteractionFilter.of(type, more));
    }

    /** {@code last(channel) within …}. */
    public static LastTerm last(Channel channel) {
        return new LastTerm(InteractionFilter.on(channel));
    }

    /** {@code last(filter) within …}. */
    public static LastTerm last(InteractionFilter filter) {
        return new LastTerm(Checks.notNull(filter, "filter"));
    }

    /** {@code avg(amount of filter …)}: the average amount, to compare. */
    public static AmountTerm avg(InteractionFilter filter) {
        return new AmountTerm(Aggregate.Function.AVG, filter, Optional.empty());
    }

    /** {@code min(amount of filter …)}: the least amount, to compare. */
    public static AmountTerm min(InteractionFilter filter) {
        return new AmountTerm(Aggregate.Function.MIN, filter, Optional.empty());
    }

    /** {@code max(amount of filter …)}: the greatest amount, to compare. */
    public static AmountTerm max(InteractionFilter filter) {
        return new AmountTerm(Aggregate.Function.MAX, filter, Optional.empty());
    }

    /** {@code count(distinct property of filter …)}: the number of distinct values, to compare. */
    public static DistinctCountTerm countDistinct(String property, InteractionFilter filter) {
        return new DistinctCountTerm(property, Checks.notNull(filter, "filter"), Optional.empty());
    }

    /**
     * {@code left op right}: one aggregate compared with another, both counts or both amounts in one currency
     * ({@code count(…).aggregate()}, {@code countDistinct(…).aggregate()}, {@code sum(…).in(EUR)},
     * {@code avg(…).in(EUR)}).
     */
    public static Condition compare(Aggregate left, Operator operator, Aggregate right) {
        return new AggregateCompare(left, operator, right);
    }

    /** A comparison of score {@code name}: {@code rfm.recency > 3} or {@code score("engagement") > 50}. */
    public static ScoreTerm score(String name) {
        return new ScoreTerm(name);
    }

    /** {@code segment("name")}. */
    public static Condition segment(String name) {
        return new Condition.SegmentRef(name);
    }

    /** {@code name(arguments…)}: a host predicate function; a bare word argument is {@link TypedValue#choice}. */
    public static Condition call(String name, TypedValue... arguments) {
        return new Condition.FunctionCall(name, List.of(arguments));
    }

    /** {@code email domain in ("domain", …)}: one of the customer's e-mail addresses is at one of the domains. */
    public static Condition emailDomain(String domain, String... more) {
        return EmailDomainIn.of(domain, more);
    }

    /**
     * {@code days_since(attribute) op n} (unit {@code DAYS}; also {@code MONTHS}, {@code YEARS}): the whole units from
     * the date attribute's value to today compare so.
     */
    public static Condition timeSince(String attribute, ChronoUnit unit, Operator operator, long amount) {
        return new TimeSince(TimeSince.From.ATTRIBUTE, Optional.of(Checks.notNull(attribute, "attribute")), unit,
                operator, amount);
    }

    /** {@code days_since(stage) op n}: the whole units from the day the customer entered its stage to today. */
    public static Condition timeSinceStageEntered(ChronoUnit unit, Operator operator, long amount) {
        return new TimeSince(TimeSince.From.STAGE_ENTERED, Optional.empty(), unit, operator, amount);
    }

    /** {@code days_since(created) op n}: the whole units from the day the customer was created to today. */
    public static Condition timeSinceCreated(ChronoUnit unit, Operator operator, long amount) {
        return new TimeSince(TimeSince.From.CREATED, Optional.empty(), unit, operator, amount);
    }

    /** {@code anniversary(attribute) within Nd}: the date attribute's next anniversary is within the next days. */
    public static Condition anniversaryWithin(String attribute, Period days) {
        return new AnniversaryWithin(attribute, window(days).amount());
    }

    /** {@code address country in ("DE", …)}: the country of the customer's main postal address is one of them. */
    public static Condition addressCountry(String country, String... more) {
        return AddressCountryIn.of(country, more);
    }

    /** {@code address postal_code starts with "10"}: the main postal address's code starts so, ignoring case. */
    public static Condition postalCodeStartsWith(String prefix) {
        return new PostalCodeStartsWith(prefix);
    }

    /**
     * {@code geo(latitude, longitude) within km km of (centreLatitude, centreLongitude)}: the position in the two
     * number attributes is within {@code km} kilometres (haversine, mean Earth radius) of the centre.
     */
    public static Condition withinDistance(String latitude, String longitude, BigDecimal km, BigDecimal centreLatitude,
                                           BigDecimal centreLongitude) {
        return new WithinDistance(latitude, longitude, centreLatitude, centreLongitude, km);
    }

    /** {@code not c}. */
    public static Condition not(Condition c) {
        return new Condition.Not(c);
    }

    /** {@code (a and b and …)}: at least two operands. */
    public static Condition allOf(Condition... operands) {
        return new Condition.And(List.of(operands));
    }

    /** {@code (a or b or …)}: at least two operands. */
    public static Condition anyOf(Condition... operands) {
        return new Condition.Or(List.of(operands));
    }

    static Window window(Period period) {
        Checks.notNull(period, "window");
        if (period.getYears() != 0 || period.getMonths() != 0) {
            throw new ValidationException("window", "must be a number of days (months and years vary in length)");
        }
        return Window.days(period.getDays());
    }

    static Window window(Duration duration) {
        Checks.notNull(duration, "window");
        if (duration.toSeconds() % 3600 != 0 || duration.getNano() != 0) {
            throw new ValidationException("window", "must be a whole number of hours");
        }
        return Window.hours(duration.toHours());
    }

    /** Tests of one attribute. Immutable. */
    public static final class AttributeTerm {
        private final String name;

        private AttributeTerm(String name) {
            this.name = new Condition.Exists(name).attribute();
        }

        public Condition is(Operator operator, TypedValue value) {
            return new Condition.Compare(name, operator, value);
        }

        public Condition eq(TypedValue value) {
            return is(Operator.EQ, value);
        }

        /** {@code = "text"} (a text literal; an enumeration attribute accepts it too). */
        public Condition eq(String text) {
            return eq(TypedValue.of(text));
        }

        public Condition eq(long number) {
            return eq(TypedValue.of(number));
        }

        public Condition eq(boolean flag) {
            return eq(TypedValue.of(flag));
        }

        public Condition ne(TypedValue value) {
            return is(Operator.NE, value);
        }

        public Condition ne(String text) {
            return ne(TypedValue.of(text));
        }

        public Condition lt(TypedValue value) {
            return is(Operator.LT, value);
        }

        public Condition le(TypedValue value) {
            return is(Operator.LE, value);
        }

        public Condition gt(TypedValue value) {
            return is(Operator.GT, value);
        }

        public Condition ge(TypedValue value) {
            return is(Operator.GE, value);
        }

        public Condition lt(long number) {
            return lt(TypedValue.of(number));
        }

        public Condition le(long number) {
            return le(TypedValue.of(number));
        }

        public Condition gt(long number) {
            return gt(TypedValue.of(number));
        }

        public Condition ge(long number) {
            return ge(TypedValue.of(number));
        }

        public Condition before(LocalDate date) {
            return lt(TypedValue.of(date));
        }

        public Condition after(LocalDate date) {
            return gt(TypedValue.of(date));
        }

        public Condition in(TypedValue... values) {
            return new Condition.In(name, List.of(values));
        }

        /** {@code in ("a", "b")}: text literals. */
        public Condition in(String... texts) {
            List<TypedValue> values = new ArrayList<>();
            for (String t : texts) {
                values.add(TypedValue.of(t));
            }
            return new Condition.In(name, values);
        }

        public Condition between(TypedValue low, TypedValue high) {
            return new Condition.Between(name, low, high);
        }

        public Condition between(long low, long high) {
            return between(TypedValue.of(low), TypedValue.of(high));
        }

        public Condition between(BigDecimal low, BigDecimal high) {
            return between(TypedValue.of(low), TypedValue.of(high));
        }

        public Condition between(LocalDate low, LocalDate high) {
            return between(TypedValue.of(low), TypedValue.of(high));
        }

        public Condition between(Money low, Money high) {
            return between(TypedValue.of(low), TypedValue.of(high));
        }

        public Condition exists() {
            return new Condition.Exists(name);
        }

        public Condition contains(String text) {
            return new Condition.Contains(name, text);
        }

        public Condition startsWith(String prefix) {
            return new Condition.StartsWith(name, prefix);
        }

        /** {@code ends with "suffix"} (case-sensitive). */
        public Condition endsWith(String suffix) {
            return new TextMatch(name, TextMatch.Test.ENDS_WITH, suffix, false);
        }

        /** {@code = "text" ignoring case}. */
        public Condition equalsIgnoringCase(String text) {
            return new TextMatch(name, TextMatch.Test.EQUALS, text, true);
        }

        /** {@code starts with "prefix" ignoring case}. */
        public Condition startsWithIgnoringCase(String prefix) {
            return new TextMatch(name, TextMatch.Test.STARTS_WITH, prefix, true);
        }

        /** {@code ends with "suffix" ignoring case}. */
        public Condition endsWithIgnoringCase(String suffix) {
            return new TextMatch(name, TextMatch.Test.ENDS_WITH, suffix, true);
        }

        /** {@code contains "text" ignoring case}. */
        public Condition containsIgnoringCase(String text) {
            return new TextMatch(name, TextMatch.Test.CONTAINS, text, true);
        }

        /**
         * {@code matches "pattern"}: the RE2 regular expression is found in the value.
         *
         * @throws ValidationException naming {@code matches.pattern} if it is not RE2 syntax
         */
        public Condition matches(String pattern) {
            Regexes.compile(Checks.notNull(pattern, "matches.pattern"));
            return new Matches(name, pattern);
        }
    }

    /** A count of interactions, to compare. Immutable. */
    public static final class CountTerm extends WindowedTerm<CountTerm> {
        private CountTerm(InteractionFilter filter, Optional<Window> window) {
            super(filter, window);
        }

        @Override
        CountTerm with(InteractionFilter narrowed, Optional<Window> within) {
            return new CountTerm(narrowed, within);
        }

        public Condition is(Operator operator, long count) {
            return new Condition.CountCompare(filter, window, operator, count);
        }

        /** The figure, to compare with another aggregate. */
        public Aggregate.Count aggregate() {
            return new Aggregate.Count(filter, window);
        }

        public Condition atLeast(long count) {
            return is(Operator.GE, count);
        }

        public Condition atMost(long count) {
            return is(Operator.LE, count);
        }

        public Condition moreThan(long count) {
            return is(Operator.GT, count);
        }

        public Condition lessThan(long count) {
            return is(Operator.LT, count);
        }

        public Condition exactly(long count) {
            return is(Operator.EQ, count);
        }
    }

    /** The last occurrence of an interaction, to bound. Immutable. */
    public static final class LastTerm {
        private final InteractionFilter filter;

        private LastTerm(InteractionFilter filter) {
            this.filter = filter;
        }

        public LastTerm on(Channel channel) {
            return new LastTerm(filter.withChannel(channel));
        }

        public Condition within(Window w) {
            return new Condition.OccurredWithin(filter, w);
        }

        public Condition within(Period days) {
            return within(window(days));
        }

        public Condition within(Duration hours) {
            return within(window(hours));
        }
    }

    /** A score, to compare. Immutable. */
    public static final class ScoreTerm {
        private final String name;

        private ScoreTerm(String name) {
            this.name = new Condition.ScoreCompare(name, Operator.EQ, BigDecimal.ZERO).score();
        }

        public Condition is(Operator operator, BigDecimal value) {
            return new Condition.ScoreCompare(name, operator, value);
        }

        public Condition eq(long value) {
            return is(Operator.EQ, BigDecimal.valueOf(value));
        }

        public Condition lt(long value) {
            return is(Operator.LT, BigDecimal.valueOf(value));
        }

        public Condition le(long value) {
            return is(Operator.LE, BigDecimal.valueOf(value));
        }

        public Condition gt(long value) {
            return is(Operator.GT, BigDecimal.valueOf(value));
        }

        public Condition ge(long value) {
            return is(Operator.GE, BigDecimal.valueOf(value));
        }
    }
}
