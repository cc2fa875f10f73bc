package org.crmkit.spi.segment;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.campaign.CampaignId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Direction;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.jspecify.annotations.Nullable;

/**
 * Which interactions an aggregate looks at: every test present must pass ({@link #ANY}: none, every interaction).
 * Immutable and thread-safe.
 *
 * <p>A property test {@code name = value} passes when the interaction has property {@code name} and it equals
 * {@code value}: texts and enumeration constants compare as strings (case-sensitive), numbers by value
 * ({@code 1.50} equals {@code 1.5}), money only in the same currency; a missing property fails the test.
 *
 * @param types      only interactions of one of these types (at most {@value #MAX_TYPES}, sorted); empty: any type
 * @param channel    only interactions on this channel, if present
 * @param direction  only interactions of this direction, if present
 * @param campaign   only interactions of this campaign, if present
 * @param properties only interactions whose properties equal these (at most {@value #MAX_PROPERTIES}, sorted by
 *                   lower-case name)
 */
public record InteractionFilter(SortedSet<InteractionType> types, Optional<Channel> channel,
                                Optional<Direction> direction, Optional<CampaignId> campaign,
                                SortedMap<String, TypedValue> properties) {
    /** Most types of one filter. */
    public static final int MAX_TYPES = 100;
    /** Most property tests of one filter. */
    public static final int MAX_PROPERTIES = 20;
    /** Every interaction. */
    public static final InteractionFilter ANY = new InteractionFilter(new TreeSet<>(), Optional.empty(),
            Optional.empty(), Optional.empty(), new TreeMap<>());

    public InteractionFilter {
        Checks.noNullElements(types, "filter.types");
        if (types.size() > MAX_TYPES) {
            throw new ValidationException("filter.types", "more than " + MAX_TYPES);
        }
        types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
        Checks.notNull(channel, "filter.channel");
        Checks.notNull(direction, "filter.direction");
        Checks.notNull(campaign, "filter.campaign");
        Checks.notNull(properties, "filter.properties");
        if (properties.size() > MAX_PROPERTIES) {
            throw new ValidationException("filter.properties", "more than " + MAX_PROPERTIES);
        }
        TreeMap<String, TypedValue> sorted = new TreeMap<>();
        for (Map.Entry<String, TypedValue> e : properties.entrySet()) {
            sorted.put(Checks.snake(e.getKey(), "filter.properties", 64),
                    Checks.notNull(e.getValue(), "filter.properties." + e.getKey()));
        }
        properties = Collections.unmodifiableSortedMap(sorted);
    }

    /** Interactions of one of {@code types}. */
    public static InteractionFilter of(InteractionType type, InteractionType... more) {
        TreeSet<InteractionType> types = new TreeSet<>(Set.of(more));
        types.add(Checks.notNull(type, "filter.type"));
        return ANY.withTypes(types);
    }

    /** Interactions on {@code channel}. */
    public static InteractionFilter on(Channel channel) {
        return ANY.withChannel(channel);
    }

    /** Interactions of {@code type} on {@code channel}. */
    public static InteractionFilter of(InteractionType type, Channel channel) {
        return of(type).withChannel(channel);
    }

    /** This filter, of {@code types} instead (empty: any type). */
    public InteractionFilter withTypes(Set<InteractionType> types) {
        return new InteractionFilter(new TreeSet<>(Checks.noNullElements(types, "filter.types")), channel,
                direction, campaign, properties);
    }

    /** This filter, on {@code channel} only. */
    public InteractionFilter withChannel(Channel channel) {
        return new InteractionFilter(types, Optional.of(Checks.notNull(channel, "filter.channel")), direction,
                campaign, properties);
    }

    /** This filter, of {@code direction} only. */
    public InteractionFilter withDirection(Direction direction) {
        return new InteractionFilter(types, channel, Optional.of(Checks.notNull(direction, "filter.direction")),
                campaign, properties);
    }

    /** This filter, of {@code campaign} only. */
    public InteractionFilter withCampaign(CampaignId campaign) {
        return new InteractionFilter(types, channel, direction,
                Optional.of(Checks.notNull(campaign, "filter.campaign")), properties);
    }

    /** This filter, also requiring property {@code name} to equal {@code value} (replacing a test of that name). */
    public InteractionFilter withProperty(String name, TypedValue value) {
        TreeMap<String, TypedValue> more = new TreeMap<>(properties);
        more.put(Checks.snake(name, "filter.properties", 64), Checks.notNull(value, "filter.properties." + name));
        return new InteractionFilter(types, channel, direction, campaign, more);
    }

    /**
     * Whether an interaction of {@code t} on {@code c} may pass: its type and channel do (direction, campaign and
     * properties are not looked at). For routing an interaction to the segments it may affect.
     */
    public boolean mayMatch(InteractionType t, Channel c) {
        return (types.isEmpty() || types.contains(t)) && (channel.isEmpty() || channel.get() == c);
    }

    /** Whether {@code interaction} passes every test of this filter. */
    public boolean matches(Interaction interaction) {
        if (!mayMatch(interaction.type(), interaction.channel())
                || direction.isPresent() && direction.get() != interaction.direction()
                || campaign.isPresent() && !campaign.equals(interaction.campaign())) {
            return false;
        }
        for (Map.Entry<String, TypedValue> test : properties.entrySet()) {
            TypedValue actual = interaction.properties().get(test.getKey());
            if (actual == null || !equal(actual, test.getValue())) {
                return false;
            }
        }
        return true;
    }

    /** Whether a property value equals a test's value, as this filter defines it. */
    public static boolean equal(TypedValue actual, TypedValue expected) {
        String a = text(actual);
        String e = text(expected);
        if (a != null || e != null) {
            return a != null && a.equals(e);
        }
        return actual.equals(expected);
    }

    private static @Nullable String text(TypedValue v) {
        if (v instanceof TypedValue.Text t) {
            return t.value();
        }
        return v instanceof TypedValue.Choice c ? c.value() : null;
    }
}
