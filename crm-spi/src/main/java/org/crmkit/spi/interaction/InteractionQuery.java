package org.crmkit.spi.interaction;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.spi.ValidationException;
import org.crmkit.spi.Checks;

/**
 * Which interactions of one subject to read, in which order, and how many. Immutable and thread-safe; the
 * {@code with…} methods return changed copies. {@link #all()} reads everything oldest first, 100 at a time.
 *
 * @param channels only these channels; empty means every channel
 * @param types    only these types; empty means every type
 * @param from     only interactions that occurred at or after this instant
 * @param until    only interactions that occurred before this instant
 * @param order    oldest first or newest first (ties on the instant are broken by id, in the same direction)
 * @param limit    page size, 1 to 10,000
 * @param after    the cursor of the previous page, if continuing
 */
public record InteractionQuery(Set<Channel> channels, SortedSet<InteractionType> types, Optional<Instant> from,
                               Optional<Instant> until, Order order, int limit, Optional<String> after) {
    public static final int MAX_LIMIT = 10_000;

    /** The order of a query's results by occurred-at instant, then by id. */
    public enum Order {
        OLDEST_FIRST, NEWEST_FIRST
    }

    public InteractionQuery {
        Checks.noNullElements(channels, "channels");
        channels = channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        Checks.noNullElements(types, "types");
        types = Collections.unmodifiableSortedSet(new TreeSet<>(types));
        Checks.notNull(from, "from");
        Checks.notNull(until, "until");
        Checks.notNull(order, "order");
        Checks.between(limit, 1, MAX_LIMIT, "limit");
        Checks.notNull(after, "after");
        after.ifPresent(a -> Checks.line(a, "after", 512));
        if (from.isPresent() && until.isPresent() && !from.get().isBefore(until.get())) {
            throw new ValidationException("until", "must be after from");
        }
    }

    /** Every interaction, oldest first, 100 per page. */
    public static InteractionQuery all() {
        return new InteractionQuery(Set.of(), new TreeSet<>(), Optional.empty(), Optional.empty(),
                Order.OLDEST_FIRST, 100, Optional.empty());
    }

    public InteractionQuery withChannels(Set<Channel> newChannels) {
        return new InteractionQuery(newChannels, types, from, until, order, limit, after);
    }

    public InteractionQuery withTypes(Set<InteractionType> newTypes) {
        return new InteractionQuery(channels, new TreeSet<>(Checks.noNullElements(newTypes, "types")), from, until,
                order, limit, after);
    }

    public InteractionQuery between(Instant newFrom, Instant newUntil) {
        return new InteractionQuery(channels, types, Optional.ofNullable(newFrom), Optional.ofNullable(newUntil),
                order, limit, after);
    }

    public InteractionQuery newestFirst() {
        return new InteractionQuery(channels, types, from, until, Order.NEWEST_FIRST, limit, after);
    }

    public InteractionQuery withLimit(int newLimit) {
        return new InteractionQuery(channels, types, from, until, order, newLimit, after);
    }

    public InteractionQuery after(String cursor) {
        return new InteractionQuery(channels, types, from, until, order, limit, Optional.of(cursor));
    }

    /** Whether {@code i} passes the channel, type and time filters (not the cursor). */
    public boolean matches(Interaction i) {
        return (channels.isEmpty() || channels.contains(i.channel()))
                && (types.isEmpty() || types.contains(i.type()))
                && (from.isEmpty() || !i.occurredAt().isBefore(from.get()))
                && (until.isEmpty() || i.occurredAt().isBefore(until.get()));
    }
}
