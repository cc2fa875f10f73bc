package org.crmkit.segmentation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.crmkit.segmentation.internal.Dependencies;
import org.crmkit.segmentation.internal.Inliner;
import org.crmkit.segmentation.internal.Test;
import org.crmkit.segmentation.internal.WindowTable;
import org.crmkit.spi.Checks;
import org.crmkit.spi.NotFoundException;
import org.crmkit.spi.TenantId;
import org.crmkit.spi.ValidationException;
import org.crmkit.spi.customer.CustomerId;
import org.crmkit.spi.interaction.Channel;
import org.crmkit.spi.interaction.Interaction;
import org.crmkit.spi.interaction.InteractionType;
import org.crmkit.spi.segment.InteractionFilter;
import org.crmkit.spi.segment.SegmentChange;
import org.crmkit.spi.segment.SegmentMembershipListener;

/**
 * Keeps the segment memberships of one tenant's customers up to date as changes arrive, re-evaluating only the
 * changed customer and only the segments the change can affect, and tells a {@link SegmentMembershipListener} who
 * entered or left which segment.
 *
 * <p>It evaluates the segments the catalog held when it was built (build a new one after redefining segments), and
 * keeps memberships, not snapshots: every call hands it the customer's snapshot <em>after</em> the change. Which
 * segments are re-evaluated:
 * <ul>
 *   <li>{@link #interactionRecorded}: those with an aggregate whose filter the interaction passes;</li>
 *   <li>{@link #profileChanged}: those testing attributes, tags, the stage or a host function;</li>
 *   <li>{@link #scoresChanged}: those comparing a score; {@link #refresh}: all (e.g. after a consent change that a
 *       host function reads);</li>
 *   <li>{@link #reevaluate}: for a whole base, those whose members time alone can change: those with a window,
 *       those comparing scores (which may decay: the snapshots hold their values now) and those reading the profile
 *       or a host function (which may read the clock). Call it periodically (for day windows, once after midnight
 *       in the zone suffices; hour windows and decaying scores need it more often) so that customers leave
 *       "{@code last(web) within 30d}" as time passes. Its cost is that of the base; the {@code Crm} facade's
 *       tracking decides again only the customers due ({@link CompiledSegments#nextChange}).</li>
 * </ul>
 * A segment referring to another is re-evaluated whenever the referenced one could change.
 *
 * <p>Thread-safe. Changes of one customer must be reported in the order they happened, with snapshots that include
 * them (the engine serialises writes per customer); listener calls for one customer happen under that customer's
 * lock, in order.
 */
public final class IncrementalSegments {
    private final TenantId tenant;
    private final Clock clock;
    private final SegmentMembershipListener listener;
    private final String[] names;
    private final Test[] tests;
    private final WindowTable windows;
    private final Dependencies[] dependencies;
    private final int[] profileSegments;
    private final int[] timeSensitive;
    private final int[] scoreSegments;
    private final int[] allSegments;
    private final Map<InteractionType, int[][]> byInteraction = new ConcurrentHashMap<>();
    private final Map<CustomerId, long[]> membership = new ConcurrentHashMap<>();
    private final int words;

    private IncrementalSegments(SegmentCatalog catalog, TenantId tenant, Clock clock, ZoneId zone,
                                SegmentMembershipListener listener) {
        this.tenant = Checks.notNull(tenant, "tenant");
        this.clock = Checks.notNull(clock, "clock");
        this.listener = Checks.notNull(listener, "listener");
        CompiledSegments compiled = new CompiledSegments(catalog, zone);
        this.windows = compiled.windows;
        this.names = compiled.names;
        this.tests = compiled.tests;
        int n = names.length;
        dependencies = new Dependencies[n];
        for (int k = 0; k < n; k++) {
            dependencies[k] = Dependencies.of(Inliner.inline(compiled.conditions.get(names[k]), compiled.conditions));
        }
        profileSegments = select(d -> d.profile());
        timeSensitive = select(d -> d.timed() || !d.scores().isEmpty() || d.profile());
        scoreSegments = select(d -> !d.scores().isEmpty());
        allSegments = select(d -> true);
        words = (n + 63) / 64;
    }

    /**
     * An incremental evaluator of {@code catalog}'s current segments for the customers of {@code tenant}.
     *
     * @param clock    the instant windows are measured from, and of every change
     * @param zone     the time zone of day boundaries
     * @param listener hears every entry and exit
     */
    public static IncrementalSegments of(SegmentCatalog catalog, TenantId tenant, Clock clock, ZoneId zone,
                                         SegmentMembershipListener listener) {
        return new IncrementalSegments(Checks.notNull(catalog, "catalog"), tenant, clock, zone, listener);
    }

    private int[] select(Predicate<Dependencies> which) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < dependencies.length; i++) {
            if (which.test(dependencies[i])) {
                chosen.add(i);
            }
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Sets the memberships of {@code base} without telling the listener (the starting point). */
    public void load(Iterable<CustomerSnapshot> base) {
        long[] starts = windows.starts(clock.instant());
        for (CustomerSnapshot s : Checks.notNull(base, "base")) {
            check(s);
            long[] bits = new long[words];
            for (int k = 0; k < tests.length; k++) {
                if (tests[k].test(s, starts)) {
                    bits[k >>> 6] |= 1L << k;
                }
            }
            membership.put(s.customer().id(), bits);
        }
    }

    /** Re-evaluates the segments {@code interaction} can affect, for the customer of {@code after}. */
    public void interactionRecorded(CustomerSnapshot after, Interaction interaction) {
        Checks.notNull(interaction, "interaction");
        evaluate(after, affected(interaction.type(), interaction.channel()));
    }

    /** Re-evaluates the segments testing the profile (or a host function), for the customer of {@code after}. */
    public void profileChanged(CustomerSnapshot after) {
        evaluate(after, profileSegments);
    }

    /** Re-evaluates the segments comparing scores, for the customer of {@code after}. */
    public void scoresChanged(CustomerSnapshot after) {
        evaluate(after, scoreSegments);
    }

    /** Re-evaluates every segment for the customer of {@code after}. */
    public void refresh(CustomerSnapshot after) {
        evaluate(after, allSegments);
    }

    /**
     * Re-evaluates, for every customer of {@code base} at the clock's instant, the segments time alone can change
     * (windows, scores, host functions).
     */
    public void reevaluate(Iterable<CustomerSnapshot> base) {
        for (CustomerSnapshot s : Checks.notNull(base, "base")) {
            evaluate(s, timeSensitive);
        }
    }

    /** Forgets customer {@code id}, telling the listener it left every segment it was in (after erasure or merge). */
    public void removed(CustomerId id) {
        long[] bits = membership.remove(Checks.notNull(id, "id"));
        if (bits != null) {
            Instant now = clock.instant();
            synchronized (bits) {
                for (int k = 0; k < names.length; k++) {
                    if ((bits[k >>> 6] & 1L << k) != 0) {
                        listener.changed(new SegmentChange(SegmentChange.Kind.LEFT, tenant, names[k], id, now));
                    }
                }
            }
        }
    }

    /** Whether customer {@code id} is a member of {@code segment}. */
    public boolean isMember(String segment, CustomerId id) {
        int k = index(segment);
        long[] bits = membership.get(Checks.notNull(id, "id"));
        if (bits == null) {
            return false;
        }
        synchronized (bits) {
            return (bits[k >>> 6] & 1L << k) != 0;
        }
    }

    /** The members of {@code segment} (a copy; linear in the number of customers). */
    public Set<CustomerId> members(String segment) {
        int k = index(segment);
        Set<CustomerId> members = new HashSet<>();
        membership.forEach((id, bits) -> {
            synchronized (bits) {
                if ((bits[k >>> 6] & 1L << k) != 0) {
                    members.add(id);
                }
            }
        });
        return Collections.unmodifiableSet(members);
    }

    /** The segments customer {@code id} is a member of, sorted. */
    public Set<String> segmentsOf(CustomerId id) {
        Set<String> result = new TreeSet<>();
        long[] bits = membership.get(Checks.notNull(id, "id"));
        if (bits != null) {
            synchronized (bits) {
                for (int k = 0; k < names.length; k++) {
                    if ((bits[k >>> 6] & 1L << k) != 0) {
                        result.add(names[k]);
                    }
                }
            }
        }
        return Collections.unmodifiableSet(result);
    }

    /** The segments evaluated, in catalog order. */
    public List<String> segments() {
        return List.of(names);
    }

    private int index(String segment) {
        Checks.notNull(segment, "segment");
        for (int k = 0; k < names.length; k++) {
            if (names[k].equals(segment)) {
                return k;
            }
        }
        throw new NotFoundException("segment", segment);
    }

    private CustomerSnapshot check(CustomerSnapshot s) {
        Checks.notNull(s, "snapshot");
        if (!s.customer().tenant().equals(tenant)) {
            throw new ValidationException("snapshot.customer.tenant", "is not " + tenant);
        }
        return s;
    }

    private void evaluate(CustomerSnapshot after, int[] segments) {
        check(after);
        if (segments.length == 0) {
            return;
        }
        CustomerId id = after.customer().id();
        Instant now = clock.instant();
        long[] starts = windows.starts(now);
        long[] bits = membership.computeIfAbsent(id, k -> new long[words]);
        synchronized (bits) {
            for (int k : segments) {
                boolean member = tests[k].test(after, starts);
                long mask = 1L << k;
                if (member != ((bits[k >>> 6] & mask) != 0)) {
                    bits[k >>> 6] ^= mask;
                    listener.changed(new SegmentChange(member ? SegmentChange.Kind.ENTERED : SegmentChange.Kind.LEFT,
                            tenant, names[k], id, now));
                }
            }
        }
    }

    private int[] affected(InteractionType type, Channel channel) {
        return byInteraction.computeIfAbsent(type, this::indexType)[channel.ordinal()];
    }

    private int[][] indexType(InteractionType type) {
        int[][] byChannel = new int[Channel.values().length][];
        for (Channel channel : Channel.values()) {
            byChannel[channel.ordinal()] = select(d -> {
                for (InteractionFilter f : d.filters()) {
                    if (f.mayMatch(type, channel)) {
                        return true;
                    }
                }
                return false;
            });
        }
        return byChannel;
    }
}
