package org.crmkit.scoring;

import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.TypedValue;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;

/**
 * Points an interaction earns when it has the rule's type and, if given, its channel and a matching property:
 * {@code EngagementRule.of(CAMPAIGN_CLICK, 5).onChannel(EMAIL)},
 * {@code EngagementRule.of(PAGE_VIEW, 20).where(PropertyMatch.startsWith("path", "/pricing"))},
 * {@code EngagementRule.of(COMPLAINT, -10)}. Immutable and thread-safe.
 *
 * @param type     the interaction type the rule applies to
 * @param channel  the channel it must have, if any
 * @param property a condition on one of its properties, if any
 * @param points   the points it earns at the moment it occurs (negative to penalise); finite
 */
public record EngagementRule(InteractionType type, Optional<Channel> channel, Optional<PropertyMatch> property,
                             double points) {
    public EngagementRule {
        Checks.notNull(type, "type");
        Checks.notNull(channel, "channel");
        Checks.notNull(property, "property");
        if (!Double.isFinite(points)) {
            throw new ValidationException("points", "must be a finite number");
        }
    }

    /** A rule giving {@code points} to every interaction of {@code type}. */
    public static EngagementRule of(InteractionType type, double points) {
        return new EngagementRule(type, Optional.empty(), Optional.empty(), points);
    }

    /** The same rule, restricted to interactions on {@code channel}. */
    public EngagementRule onChannel(Channel channel) {
        return new EngagementRule(type, Optional.of(Checks.notNull(channel, "channel")), property, points);
    }

    /** The same rule, restricted to interactions whose property matches. */
    public EngagementRule where(PropertyMatch match) {
        return new EngagementRule(type, channel, Optional.of(Checks.notNull(match, "property")), points);
    }

    /** Whether {@code interaction} earns this rule's points. */
    public boolean matches(Interaction interaction) {
        return type.equals(interaction.type())
                && (channel.isEmpty() || channel.get() == interaction.channel())
                && (property.isEmpty() || property.get().matches(interaction));
    }

    /**
     * A condition on a text property ({@link TypedValue.Text} or {@link TypedValue.Choice}): equal to, or starting
     * with, a given text, case-sensitively. An absent property or one of another type does not match. Immutable and
     * thread-safe.
     *
     * @param name   the property name, lower-case snake case
     * @param text   the text compared with
     * @param prefix whether the property need only start with {@code text}
     */
    public record PropertyMatch(String name, String text, boolean prefix) {
        public PropertyMatch {
            Checks.snake(name, "name", 64);
            Checks.bounded(text, "text", TypedValue.MAX_TEXT_LENGTH);
        }

        /** Matches when property {@code name} is exactly {@code text}. */
        public static PropertyMatch equalTo(String name, String text) {
            return new PropertyMatch(name, text, false);
        }

        /** Matches when property {@code name} starts with {@code prefix}. */
        public static PropertyMatch startsWith(String name, String prefix) {
            return new PropertyMatch(name, prefix, true);
        }

        /** Whether {@code interaction}'s property {@link #name} matches. */
        public boolean matches(Interaction interaction) {
            TypedValue value = interaction.properties().get(name);
            String actual;
            if (value instanceof TypedValue.Text t) {
                actual = t.value();
            } else if (value instanceof TypedValue.Choice c) {
                actual = c.value();
            } else {
                return false;
            }
            return prefix ? actual.startsWith(text) : actual.equals(text);
        }
    }
}
