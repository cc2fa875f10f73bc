package org.crmkit.segmentation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;

import org.crmkit.spi.Checks;
import org.crmkit.spi.Money;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.InteractionFilter;
import org.jspecify.annotations.Nullable;

/**
 * The interaction figures of one customer that segments read: for every interaction its instant (millisecond
 * precision), type, channel, direction, campaign, properties and amount, in compact arrays sorted by instant.
 * Answers counts, sums and last occurrences in a window without allocating. Immutable and thread-safe; {@link
 * #with(Interaction)} returns a new history.
 */
public final class InteractionHistory {
    private static final InteractionHistory EMPTY = new InteractionHistory(new long[0], new InteractionType[0],
            new Channel[0], new Details[0], new BigDecimal[0], new Currency[0]);

    private final long[] at;
    private final InteractionType[] types;
    private final Channel[] channels;
    private final Details[] details;
    private final @Nullable BigDecimal[] amounts;
    private final @Nullable Currency[] currencies;

    private InteractionHistory(long[] at, InteractionType[] types, Channel[] channels, Details[] details,
                               @Nullable BigDecimal[] amounts, @Nullable Currency[] currencies) {
        this.at = at;
        this.types = types;
        this.channels = channels;
        this.details = details;
        this.amounts = amounts;
        this.currencies = currencies;
    }

    /** What filters beyond type and channel read: direction, campaign and properties. */
    private record Details(Direction direction, Optional<CampaignId> campaign,
                           SortedMap<String, TypedValue> properties) {
        static Details of(Interaction x) {
            return new Details(x.direction(), x.campaign(), x.properties());
        }
    }

    /** The history without interactions. */
    public static InteractionHistory empty() {
        return EMPTY;
    }

    /** The history of {@code interactions}, in any order (the subject of each is not looked at). */
    public static InteractionHistory of(Collection<Interaction> interactions) {
        List<Interaction> sorted = new ArrayList<>(Checks.noNullElements(interactions, "interactions"));
        sorted.sort(Comparator.comparing(Interaction::occurredAt));
        int n = sorted.size();
        long[] at = new long[n];
        InteractionType[] types = new InteractionType[n];
        Channel[] channels = new Channel[n];
        Details[] details = new Details[n];
        BigDecimal[] amounts = new BigDecimal[n];
        Currency[] currencies = new Currency[n];
        for (int i = 0; i < n; i++) {
            Interaction x = sorted.get(i);
            at[i] = x.occurredAt().toEpochMilli();
            types[i] = x.type();
            channels[i] = x.channel();
            details[i] = Details.of(x);
            amounts[i] = x.amount().map(Money::amount).orElse(null);
            currencies[i] = x.amount().map(Money::currency).orElse(null);
        }
        return new InteractionHistory(at, types, channels, details, amounts, currencies);
    }

    /** This history plus {@code interaction}, placed after every interaction at the same or an earlier instant. */
    public InteractionHistory with(Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        long when = interaction.occurredAt().toEpochMilli();
        int n = at.length;
        int pos = n;
        while (pos > 0 && at[pos - 1] > when) {
            pos--;
        }
        long[] at2 = insert(at, pos, when);
        InteractionType[] types2 = insert(types, pos, interaction.type());
        Channel[] channels2 = insert(channels, pos, interaction.channel());
        Details[] details2 = insert(details, pos, Details.of(interaction));
        BigDecimal[] amounts2 = insert(amounts, pos, interaction.amount().map(Money::amount).orElse(null));
        Currency[] currencies2 = insert(currencies, pos, interaction.amount().map(Money::currency).orElse(null));
        return new InteractionHistory(at2, types2, channels2, details2, amounts2, currencies2);
    }

    private static long[] insert(long[] a, int pos, long v) {
        long[] b = new long[a.length + 1];
        System.arraycopy(a, 0, b, 0, pos);
        b[pos] = v;
        System.arraycopy(a, pos, b, pos + 1, a.length - pos);
        return b;
    }

    private static <T> T[] insert(T[] a, int pos, @Nullable T v) {
        T[] b = Arrays.copyOf(a, a.length + 1);
        System.arraycopy(a, pos, b, pos + 1, a.length - pos);
        b[pos] = v;
        return b;
    }

    /** The number of interactions. */
    public int size() {
        return at.length;
    }

    /** How many interactions pass {@code filter} and occurred at or after {@code fromEpochMilli}. */
    public long count(InteractionFilter filter, long fromEpochMilli) {
        return count(filter, fromEpochMilli, Long.MAX_VALUE);
    }

    /** How many interactions pass {@code filter} and occurred at or after {@code from} and before {@code until}. */
    public long count(InteractionFilter filter, long fromEpochMilli, long untilEpochMilli) {
        long count = 0;
        for (int i = firstAtOrAfter(fromEpochMilli); i < at.length && at[i] < untilEpochMilli; i++) {
            if (passes(i, filter)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The sign of (sum of the amounts in {@code threshold}'s currency of the interactions passing {@code filter}
     * at or after {@code fromEpochMilli}) minus {@code threshold}: negative, zero or positive.
     */
    public int compareSum(InteractionFilter filter, long fromEpochMilli, Money threshold) {
        return compareSum(filter, fromEpochMilli, Long.MAX_VALUE, threshold);
    }

    /** As {@link #compareSum(InteractionFilter, long, Money)}, of the interactions before {@code untilEpochMilli}. */
    public int compareSum(InteractionFilter filter, long fromEpochMilli, long untilEpochMilli, Money threshold) {
        Currency currency = threshold.currency();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = firstAtOrAfter(fromEpochMilli); i < at.length && at[i] < untilEpochMilli; i++) {
            BigDecimal amount = amounts[i];
            if (amount != null && currency.equals(currencies[i]) && passes(i, filter)) {
                sum = sum.add(amount);
            }
        }
        return sum.compareTo(threshold.amount());
    }

    /** Whether an interaction passing {@code filter} occurred at or after {@code fromEpochMilli}. */
    public boolean occurredSince(InteractionFilter filter, long fromEpochMilli) {
        return occurredBetween(filter, fromEpochMilli, Long.MAX_VALUE);
    }

    /** Whether an interaction passing {@code filter} occurred at or after {@code from} and before {@code until}. */
    public boolean occurredBetween(InteractionFilter filter, long fromEpochMilli, long untilEpochMilli) {
        for (int i = firstAtOrAfter(untilEpochMilli) - 1; i >= 0 && at[i] >= fromEpochMilli; i--) {
            if (passes(i, filter)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The amounts in {@code currency} of the interactions passing {@code filter} at or after {@code fromEpochMilli}
     * and before {@code untilEpochMilli}, in order of occurrence (interactions without an amount or in another currency
     * are left out).
     */
    public List<BigDecimal> amounts(InteractionFilter filter, long fromEpochMilli, long untilEpochMilli,
                                    Currency currency) {
        List<BigDecimal> result = new ArrayList<>();
        for (int i = firstAtOrAfter(fromEpochMilli); i < at.length && at[i] < untilEpochMilli; i++) {
            BigDecimal amount = amounts[i];
            if (amount != null && currency.equals(currencies[i]) && passes(i, filter)) {
                result.add(amount);
            }
        }
        return result;
    }

    /**
     * The values of property {@code property} of the interactions passing {@code filter} at or after
     * {@code fromEpochMilli} and before {@code untilEpochMilli} that have it, in order of occurrence.
     */
    public List<TypedValue> propertyValues(InteractionFilter filter, long fromEpochMilli, long untilEpochMilli,
                                           String property) {
        List<TypedValue> result = new ArrayList<>();
        for (int i = firstAtOrAfter(fromEpochMilli); i < at.length && at[i] < untilEpochMilli; i++) {
            TypedValue value = details[i].properties().get(property);
            if (value != null && passes(i, filter)) {
                result.add(value);
            }
        }
        return result;
    }

    /**
     * The instant (epoch milliseconds) of the earliest interaction passing {@code filter} at or after
     * {@code fromEpochMilli}, if any: when a window starting there moves on, it is the first to leave.
     */
    public OptionalLong firstSince(InteractionFilter filter, long fromEpochMilli) {
        for (int i = firstAtOrAfter(fromEpochMilli); i < at.length; i++) {
            if (passes(i, filter)) {
                return OptionalLong.of(at[i]);
            }
        }
        return OptionalLong.empty();
    }

    private boolean passes(int i, InteractionFilter filter) {
        if (!filter.mayMatch(types[i], channels[i])) {
            return false;
        }
        Details d = details[i];
        if (filter.direction().isPresent() && filter.direction().get() != d.direction()
                || filter.campaign().isPresent() && !filter.campaign().equals(d.campaign())) {
            return false;
        }
        for (Map.Entry<String, TypedValue> test : filter.properties().entrySet()) {
            TypedValue actual = d.properties().get(test.getKey());
            if (actual == null || !InteractionFilter.equal(actual, test.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Equal when both hold the same interactions' figures in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof InteractionHistory other && Arrays.equals(at, other.at) && Arrays.equals(types, other.types)
                && Arrays.equals(channels, other.channels) && Arrays.equals(details, other.details)
                && Arrays.equals(amounts, other.amounts)
                && Arrays.equals(currencies, other.currencies);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(at) * 31 + Arrays.hashCode(types);
    }

    @Override
    public String toString() {
        return "InteractionHistory[" + at.length + " interactions]";
    }

    private int firstAtOrAfter(long from) {
        if (at.length == 0 || at[0] >= from) {
            return 0;
        }
        int lo = 0;
        int hi = at.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (at[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
