package org.crmkit.segmentation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalLong;

import org.crmkit.spi.segment.AggregateCompare;
import org.crmkit.spi.segment.AmountCompare;
import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.DistinctCountCompare;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.TimeSince;
import org.crmkit.spi.segment.Window;

/**
 * When the value of a node added by issue 10 §3 can change with the clock alone (no new interaction, profile or
 * score): the earliest instant after now at which it might differ. Conservative: the value may stay the same then,
 * but it cannot change earlier. Stateless.
 *
 * <ul>
 *   <li>{@link TimeSince}, {@link AnniversaryWithin}: the start of the next day in the zone (today changes then).</li>
 *   <li>{@link AmountCompare}, {@link DistinctCountCompare}, {@link AggregateCompare}: per window read, the start of
 *       the next day in the zone for a window of days or a calendar window; for a window of {@code n} hours, the
 *       instant the oldest interaction passing the filter inside it leaves it ({@code occurredAt + n h + 1 ms}), none
 *       if no interaction is inside; none for a window since a date or no window; the earliest of them.</li>
 * </ul>
 */
public final class NodeHorizons {
    private NodeHorizons() {
    }

    /** Whether {@link #next} answers for {@code node}. */
    public static boolean handles(Condition node) {
        return node instanceof TimeSince || node instanceof AnniversaryWithin || node instanceof AmountCompare
                || node instanceof DistinctCountCompare || node instanceof AggregateCompare;
    }

    /**
     * The earliest instant after {@code now} at which {@code node}'s value for {@code customer} could change with no
     * other change; empty if it cannot change with time alone.
     *
     * @throws IllegalArgumentException if {@code node} is not one {@link #handles}
     */
    public static Optional<Instant> next(Condition node, SnapshotData customer, Instant now, ZoneId zone) {
        if (node instanceof TimeSince || node instanceof AnniversaryWithin) {
            return Optional.of(nextDay(now, zone));
        } else if (!handles(node)) {
            throw new IllegalArgumentException("not a node of issue 10 §3: " + node.getClass().getSimpleName());
        }
        Optional<Instant> earliest = Optional.empty();
        for (Aggregates.Source source : Aggregates.sources(node)) {
            Optional<Instant> next = source.window().flatMap(w -> next(w, source.filter(), customer, now, zone));
            if (next.isPresent() && (earliest.isEmpty() || next.get().isBefore(earliest.get()))) {
                earliest = next;
            }
        }
        return earliest;
    }

    private static Optional<Instant> next(Window window, InteractionFilter filter, SnapshotData customer,
                                          Instant now, ZoneId zone) {
        if (window.since().isPresent()) {
            return Optional.empty();
        } else if (window.unit() == ChronoUnit.DAYS) {
            return Optional.of(nextDay(now, zone));
        }
        OptionalLong oldest = customer.interactions.firstSince(filter, window.start(now, zone).toEpochMilli());
        return oldest.isPresent() ? Optional.of(Instant.ofEpochMilli(oldest.getAsLong())
                .plus(window.amount(), ChronoUnit.HOURS).plusMillis(1)) : Optional.empty();
    }

    private static Instant nextDay(Instant now, ZoneId zone) {
        return LocalDate.ofInstant(now, zone).plusDays(1).atStartOfDay(zone).toInstant();
    }
}
