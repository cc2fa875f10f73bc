package org.crmkit.spi.segment;

import java.util.Optional;

import org.crmkit.spi.Checks;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.InteractionType;

/**
 * Which interactions an aggregate looks at: of one type, on one channel, both, or all ({@link #ANY}). Immutable and
 * thread-safe.
 *
 * @param type    only interactions of this type, if present
 * @param channel only interactions on this channel, if present
 */
public record InteractionFilter(Optional<InteractionType> type, Optional<Channel> channel) {
    /** Every interaction. */
    public static final InteractionFilter ANY = new InteractionFilter(Optional.empty(), Optional.empty());

    public InteractionFilter {
        Checks.notNull(type, "filter.type");
        Checks.notNull(channel, "filter.channel");
    }

    public static InteractionFilter of(InteractionType type) {
        return new InteractionFilter(Optional.of(Checks.notNull(type, "filter.type")), Optional.empty());
    }

    public static InteractionFilter on(Channel channel) {
        return new InteractionFilter(Optional.empty(), Optional.of(Checks.notNull(channel, "filter.channel")));
    }

    public static InteractionFilter of(InteractionType type, Channel channel) {
        return new InteractionFilter(Optional.of(Checks.notNull(type, "filter.type")),
                Optional.of(Checks.notNull(channel, "filter.channel")));
    }

    /** Whether an interaction of {@code t} on {@code c} passes this filter. */
    public boolean matches(InteractionType t, Channel c) {
        return (type.isEmpty() || type.get().equals(t)) && (channel.isEmpty() || channel.get() == c);
    }
}
