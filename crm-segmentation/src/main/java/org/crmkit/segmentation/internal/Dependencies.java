package org.crmkit.segmentation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.crmkit.spi.segment.AnniversaryWithin;
import org.crmkit.spi.segment.Condition;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.TimeSince;

/**
 * What a segment's membership depends on, read from its inlined condition: the profile (attributes, tags, stage,
 * host functions), scores, interactions passing some filters, and the passing of time (windows).
 *
 * @param profile whether a profile change (or a function's input) can change membership
 * @param scores  the scores read
 * @param filters the interaction filters of its aggregates
 * @param timed   whether it has a window or a date relative to today, so that time passing can change membership
 */
public record Dependencies(boolean profile, Set<String> scores, List<InteractionFilter> filters, boolean timed) {
    /** The dependencies of {@code inlined} (a condition without segment references). */
    public static Dependencies of(Condition inlined) {
        Collector c = new Collector();
        c.visit(inlined);
        return new Dependencies(c.profile, Set.copyOf(c.scores), List.copyOf(c.filters), c.timed);
    }

    private static final class Collector {
        boolean profile;
        boolean timed;
        final Set<String> scores = new TreeSet<>();
        final List<InteractionFilter> filters = new ArrayList<>();

        void visit(Condition c) {
            TypeChecker.children(c).forEach(this::visit);
            List<Aggregates.Source> sources = Aggregates.sources(c);
            for (Aggregates.Source source : sources) {
                filters.add(source.filter());
                timed |= source.window().isPresent();
            }
            timed |= c instanceof TimeSince || c instanceof AnniversaryWithin;
            if (c instanceof Condition.ScoreCompare s) {
                scores.add(s.score());
            } else if (sources.isEmpty()
                    && !(c instanceof Condition.And || c instanceof Condition.Or || c instanceof Condition.Not)) {
                profile = true;
            }
        }
    }
}
