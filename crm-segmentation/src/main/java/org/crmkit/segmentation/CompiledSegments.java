package org.crmkit.segmentation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.crmkit.segmentation.internal.Compiler;
import org.crmkit.segmentation.internal.Horizon;
import org.crmkit.segmentation.internal.Test;
import org.crmkit.segmentation.internal.WindowTable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.segment.Condition;

/**
 * Every segment a {@link SegmentCatalog} held when this was built, compiled once: which of them one customer meets.
 * For an engine that keeps memberships elsewhere (in a membership store) and re-decides a changed customer against
 * them; {@link IncrementalSegments} keeps memberships in memory instead, {@link SegmentEvaluator} decides one segment
 * over a whole base. All three give the same answer for the same snapshot and instant.
 *
 * <p>Immutable and thread-safe (redefining a catalog's segments later does not change what was compiled).
 */
public final class CompiledSegments {
    final Map<String, Condition> conditions;
    final String[] names;
    final Test[] tests;
    final WindowTable windows;
    private final Horizon horizon;
    private final BitSet timeDependent;

    CompiledSegments(SegmentCatalog catalog, ZoneId zone) {
        Checks.notNull(catalog, "catalog");
        this.windows = new WindowTable(Checks.notNull(zone, "zone"));
        this.conditions = catalog.conditions();
        Compiler compiler = new Compiler(conditions, catalog.functions(), windows);
        names = new String[conditions.size()];
        tests = new Test[conditions.size()];
        timeDependent = new BitSet(conditions.size());
        int k = 0;
        for (Map.Entry<String, Condition> e : conditions.entrySet()) {
            names[k] = e.getKey();
            tests[k] = compiler.compile(e.getValue());
            timeDependent.set(k, Horizon.dependsOnTime(e.getValue(), conditions));
            k++;
        }
        horizon = Horizon.of(conditions.values(), catalog.functions(), windows);
    }

    /**
     * The segments {@code catalog} defines now, compiled.
     *
     * @param zone the time zone of day boundaries of day windows
     */
    public static CompiledSegments of(SegmentCatalog catalog, ZoneId zone) {
        return new CompiledSegments(catalog, zone);
    }

    /** The names of the compiled segments, in the order the catalog defined them. */
    public List<String> segments() {
        return List.of(names);
    }

    /**
     * The segments the customer of {@code snapshot} meets at {@code now}, sorted by name. Runs the segments' host
     * functions, if any, on the calling thread.
     *
     * @param now the instant relative windows are measured from
     */
    public SortedSet<String> matching(CustomerSnapshot snapshot, Instant now) {
        BitSet indexes = matchingIndexes(snapshot, now);
        SortedSet<String> met = new TreeSet<>();
        indexes.stream().forEach(k -> met.add(names[k]));
        return Collections.unmodifiableSortedSet(met);
    }

    /**
     * Which segments the customer of {@code snapshot} meets at {@code now}: bit {@code k} is set when it meets the
     * {@code k}-th of {@link #segments()}. What {@link #matching} gives, without building a set of names.
     *
     * @param now the instant relative windows are measured from
     */
    public BitSet matchingIndexes(CustomerSnapshot snapshot, Instant now) {
        BitSet all = new BitSet(tests.length);
        all.set(0, tests.length);
        return matchingIndexes(snapshot, now, all);
    }

    /**
     * Which of the segments {@code among} names (bit {@code k} for the {@code k}-th of {@link #segments()}) the
     * customer of {@code snapshot} meets at {@code now}; the others are not decided, and their bits are clear.
     *
     * @param now the instant relative windows are measured from
     */
    public BitSet matchingIndexes(CustomerSnapshot snapshot, Instant now, BitSet among) {
        Checks.notNull(snapshot, "snapshot");
        Checks.notNull(among, "among");
        long[] starts = windows.starts(Checks.notNull(now, "now"));
        BitSet met = new BitSet(tests.length);
        for (int k = among.nextSetBit(0); k >= 0 && k < tests.length; k = among.nextSetBit(k + 1)) {
            if (tests[k].test(snapshot, starts)) {
                met.set(k);
            }
        }
        return met;
    }

    /**
     * The segments time alone can change for some customer (bit {@code k} for the {@code k}-th of
     * {@link #segments()}): those whose condition, or a segment it refers to, reads a moving window, a date
     * relative to today, a score (scores may decay) or a host function. What the others say of a customer changes
     * only when the customer does, so a review at {@link #nextChange} need decide only these. A new set each call.
     */
    public BitSet timeDependent() {
        return (BitSet) timeDependent.clone();
    }

    /**
     * The earliest instant after {@code now} at which the segments the customer of {@code snapshot} meets could
     * change with nothing about the customer changing: an interaction leaving a window, a decaying score crossing
     * a value a segment compares it with, a host function's answer changing
     * ({@link PredicateFunction.Evaluation#nextChange}). Empty if only a change of the customer can change them. The
     * instant may be early (the memberships turn out the same), never late; decide the customer again then.
     *
     * @param halfLives the scores that decay exponentially toward zero, by name, with their half-lives; the
     *                  snapshot holds their values at {@code now}
     */
    public Optional<Instant> nextChange(CustomerSnapshot snapshot, Instant now, Map<String, Duration> halfLives) {
        Checks.notNull(snapshot, "snapshot");
        return horizon.next(snapshot, Checks.notNull(now, "now"), windows.starts(now),
                Checks.notNull(halfLives, "halfLives"));
    }
}
